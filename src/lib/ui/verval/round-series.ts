/** The regency's progress per round, from the per-kecamatan rows: one point per imported round. */
import type { RoundProgress } from '$lib/queries/fieldwork';
import { m } from '$lib/paraglide/messages.js';
import { CHART_COLORS, type ChartOption } from '../chart/option';

export interface RoundPoint {
	round: number;
	lastVisit: string | null;
	visited: number;
}

/** Sums the kecamatan rows of each round (those of `kecamatan` only, when given). */
export function roundPoints(rows: readonly RoundProgress[], kecamatan?: string): RoundPoint[] {
	const byRound = new Map<number, RoundPoint>();
	for (const row of rows) {
		if (kecamatan !== undefined && row.kecamatan_kode !== kecamatan) continue;
		const point = byRound.get(row.round) ?? { round: row.round, lastVisit: row.last_visit, visited: 0 };
		point.visited += row.people_visited;
		byRound.set(row.round, point);
	}
	return [...byRound.values()].sort((a, b) => a.round - b.round);
}

/** People visited by each round (cumulative), against the people to visit. */
export function roundOption(points: readonly RoundPoint[], total: number): ChartOption {
	return {
		grid: { left: 56, right: 16, top: 16, bottom: 32 },
		tooltip: { trigger: 'axis' },
		xAxis: {
			type: 'category',
			data: points.map((p) => m.verval_round_label({ round: p.round }))
		},
		yAxis: { type: 'value', min: 0, max: Math.max(total, ...points.map((p) => p.visited)) },
		series: [
			{
				type: 'line',
				name: m.verval_col_visited(),
				data: points.map((p) => p.visited),
				itemStyle: { color: CHART_COLORS.fine },
				markLine: {
					silent: true,
					symbol: 'none',
					lineStyle: { color: CHART_COLORS.muted, type: 'dashed' },
					data: [{ yAxis: total }]
				}
			}
		]
	};
}
