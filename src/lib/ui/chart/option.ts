/** The chart option type of the registered ECharts subset (types only: no ECharts code is imported). */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';

export type ChartOption = ComposeOption<
	BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

/** Tepat's chart colours (../shared/SCREENS.md "Visual language"). */
export const CHART_COLORS = {
	/** YlOrRd need. */
	need: '#e31a1c',
	needLight: '#fd8d3c',
	/** PuBu-like "fine". */
	fine: '#3690c0',
	fineLight: '#a6bddb',
	noData: '#cccccc',
	accent: '#f2a900',
	text: '#1f2a33',
	muted: '#56646e'
} as const;
