/**
 * The part of ECharts Tepat uses, registered once: bar and line charts on a grid with legend, tooltip
 * and mark lines, drawn on canvas. Imported dynamically by EChart.svelte so ECharts loads only on
 * screens that show a chart; a screen needing another chart type adds it here (and its option type in
 * option.ts).
 */
import { init, use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export { init };
