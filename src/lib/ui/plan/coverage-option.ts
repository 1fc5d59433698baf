/**
 * The coverage chart of one programme (issue 15 point 4): above, deprivations removed and units reached
 * (second axis) against Rupiah down the priority queue, with the current budget marked; below, on the
 * same Rupiah axis, deprivations removed per Rp 1 billion in each budget slice, drawn as steps, so the
 * falling return shows where a straight units line said nothing.
 */
import type { MarkLineComponentOption } from 'echarts/components';
import type { CurvePoint, ReturnSlice } from '$lib/queries/allocation';
import { m } from '$lib/paraglide/messages.js';
import { CHART_COLORS, type ChartOption } from '../chart/option';
import { formatCount, formatRupiahShort } from '../format';

const rupiahTick = (v: number) => formatRupiahShort(v).replace('Rp ', '');
const countTick = (v: number) => formatCount(v);

/**
 * The slices as steps: each slice's return held from the end of the slice before (0 for the first)
 * to the running cost of its last unit, so the area under the steps is what the queue removes.
 */
export function returnSteps(slices: readonly ReturnSlice[]): [number, number][] {
	const steps: [number, number][] = [];
	let from = 0;
	for (const s of slices) {
		steps.push([from, s.per_billion], [s.cumulative_rupiah, s.per_billion]);
		from = s.cumulative_rupiah;
	}
	return steps;
}

export function coverageOption(points: readonly CurvePoint[], slices: readonly ReturnSlice[], funded: number): ChartOption {
	const end = points.at(-1)?.rupiah ?? 0;
	const now = (label: string | null): MarkLineComponentOption => ({
		symbol: 'none',
		silent: true,
		lineStyle: { color: CHART_COLORS.accent, width: 2 },
		label: label === null ? { show: false } : { formatter: label, position: 'insideEndTop', color: CHART_COLORS.text },
		data: [{ xAxis: funded }]
	});
	const xAxis = (gridIndex: number, labels: boolean) =>
		({ type: 'value', gridIndex, min: 0, max: end, axisLabel: { show: labels, formatter: rupiahTick } }) as const;
	return {
		animation: false,
		legend: { top: 0, textStyle: { color: CHART_COLORS.text } },
		tooltip: { trigger: 'axis' },
		grid: [
			{ left: 64, right: 64, top: 64, height: '38%' },
			{ left: 64, right: 64, bottom: 28, height: '24%' }
		],
		xAxis: [xAxis(0, false), xAxis(1, true)],
		yAxis: [
			{ type: 'value', gridIndex: 0, name: m.curve_axis_removed(), axisLabel: { formatter: countTick } },
			{
				type: 'value',
				gridIndex: 0,
				name: m.rencana_curve_axis_units(),
				position: 'right',
				splitLine: { show: false },
				axisLabel: { formatter: countTick }
			},
			{ type: 'value', gridIndex: 1, name: m.curve_axis_return(), axisLabel: { formatter: countTick } }
		],
		series: [
			{
				type: 'line',
				name: m.curve_axis_removed(),
				xAxisIndex: 0,
				yAxisIndex: 0,
				showSymbol: false,
				color: CHART_COLORS.need,
				data: [[0, 0], ...points.map((p) => [p.rupiah, p.removed])],
				markLine: now(m.rencana_curve_now())
			},
			{
				type: 'line',
				name: m.rencana_curve_axis_units(),
				xAxisIndex: 0,
				yAxisIndex: 1,
				showSymbol: false,
				color: CHART_COLORS.fine,
				lineStyle: { type: 'dashed' },
				data: [[0, 0], ...points.map((p) => [p.rupiah, p.units])]
			},
			{
				type: 'line',
				name: m.curve_series_return(),
				xAxisIndex: 1,
				yAxisIndex: 2,
				showSymbol: false,
				color: CHART_COLORS.needLight,
				areaStyle: { opacity: 0.35 },
				data: returnSteps(slices),
				markLine: now(null)
			}
		]
	};
}
