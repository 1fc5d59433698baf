/**
 * The budget split (issue 15 point 4): per programme a bar of the Rupiah each funding line funds,
 * stacked, and the need left unfunded after them, so the gap shows beside what is paid.
 */
import type { SplitRow } from '$lib/state/allocation-view';
import { m } from '$lib/paraglide/messages.js';
import { CHART_COLORS, type ChartOption } from '../chart/option';
import { formatRupiahShort } from '../format';

/** Funding lines in the plan's order: blues from dark to light, then again. */
const LINE_COLOURS = ['#045a8d', '#3690c0', '#74a9cf', '#a6bddb', '#0570b0', '#d0d1e6'];

export function budgetSplitOption(rows: readonly SplitRow[], lineNames: readonly string[], label: (row: SplitRow) => string): ChartOption {
	// The first programme on top.
	const shown = rows.filter((r) => r.programme !== null).reverse();
	const bar = (name: string, color: string, values: number[]) =>
		({ type: 'bar', name, stack: 'rupiah', color, barMaxWidth: 22, data: values }) as const;
	return {
		animation: false,
		legend: { top: 0, textStyle: { color: CHART_COLORS.text } },
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatRupiahShort(Number(v)) },
		grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
		xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatRupiahShort(v).replace('Rp ', '') } },
		yAxis: { type: 'category', data: shown.map(label) },
		series: [
			...lineNames.map((name, i) =>
				bar(
					name,
					LINE_COLOURS[i % LINE_COLOURS.length] ?? CHART_COLORS.fine,
					shown.map((r) => r.byLine[i] ?? 0)
				)
			),
			bar(
				m.rencana_unmet(),
				CHART_COLORS.needLight,
				shown.map((r) => r.unmet)
			)
		]
	};
}
