/**
 * The part of ECharts Tepat uses, registered once: bar charts on a grid with legend and tooltip, drawn
 * on canvas. Imported dynamically by EChart.svelte so ECharts loads only on screens that show a chart;
 * a screen needing another chart type adds it here (and its option type in option.ts).
 */
import { init, use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { init };
