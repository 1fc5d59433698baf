/**
 * The village panel's four chart options, from its typed figures. Only categories (component, age, sex,
 * water source, desil) and counts go in: no extract text ever reaches a chart or its tooltip.
 */
import { m } from '$lib/paraglide/messages.js';
import type { AtsAgeRow, DesilRow, SexKey, VillageComponents, WaterRow, WaterSafety } from '$lib/queries/village-panel';
import { CHART_COLORS, type ChartOption } from './chart/option';
import { formatCount } from './format';
import { componentLabel, desilLabel, safetyLabel, sexLabel, valueLabel } from './value-label';

type Value = number | string | (number | string)[] | null | undefined | object;

/** id-ID counts in axis labels and tooltips. */
function count(value: Value): string {
	return typeof value === 'number' ? formatCount(value) : '–';
}

const base = {
	// The legend may wrap to two lines in a narrow panel: the grid starts below it, labels inside it.
	grid: { left: 4, right: 16, top: 52, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
	legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { color: CHART_COLORS.text } },
	tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: count, confine: true },
	textStyle: { fontFamily: 'inherit' }
} as const;

const valueAxis = { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatCount(v) } } as const;

/** Deprived / adequate / unknown households per RTLH component, as stacked horizontal bars. */
export function componentsOption(c: VillageComponents): ChartOption {
	const series = (
		[
			['deprived', m.vpanel_status_deprived(), CHART_COLORS.need],
			['adequate', m.vpanel_status_adequate(), CHART_COLORS.fineLight],
			['unknown', m.vpanel_status_unknown(), CHART_COLORS.noData]
		] as const
	).map(([key, name, color]) => ({
		type: 'bar' as const,
		name,
		stack: 'households',
		itemStyle: { color },
		data: c.components.map((x) => x[key])
	}));
	return {
		...base,
		xAxis: valueAxis,
		yAxis: { type: 'category', inverse: true, data: c.components.map((x) => componentLabel(x.component)) },
		series
	};
}

const SEX_COLORS: Record<SexKey, string> = { M: '#1b9e77', F: '#d95f02', unknown: CHART_COLORS.noData };

/** Sexes to draw: always M and F, "unknown" only when some child has no recorded sex. */
export function sexesOf(rows: readonly AtsAgeRow[]): SexKey[] {
	return rows.some((r) => r.children.unknown > 0) ? ['M', 'F', 'unknown'] : ['M', 'F'];
}

/** Out-of-school children per single year of age, stacked by sex. */
export function atsOption(rows: readonly AtsAgeRow[]): ChartOption {
	return {
		...base,
		xAxis: {
			type: 'category',
			data: rows.map((r) => String(r.age)),
			axisLabel: { interval: 0 },
			name: m.vpanel_col_age(),
			nameLocation: 'middle',
			nameGap: 24
		},
		yAxis: valueAxis,
		grid: { ...base.grid, bottom: 24 },
		series: sexesOf(rows).map((sex) => ({
			type: 'bar' as const,
			name: sexLabel(sex),
			stack: 'children',
			itemStyle: { color: SEX_COLORS[sex] },
			data: rows.map((r) => r.outOfSchool[sex])
		}))
	};
}

const SAFETY_ORDER: readonly WaterSafety[] = ['unsafe', 'conditional', 'safe', 'unknown'];
const SAFETY_COLORS: Record<WaterSafety, string> = {
	unsafe: CHART_COLORS.need,
	conditional: CHART_COLORS.needLight,
	safe: CHART_COLORS.fine,
	unknown: CHART_COLORS.noData
};

/** Households per water source, one bar per source coloured by its safety under the plan. */
export function waterOption(rows: readonly WaterRow[]): ChartOption {
	const present = SAFETY_ORDER.filter((s) => rows.some((r) => r.safety === s));
	return {
		...base,
		xAxis: valueAxis,
		yAxis: { type: 'category', inverse: true, data: rows.map((r) => valueLabel('water', r.water)) },
		series: present.map((safety) => ({
			type: 'bar' as const,
			name: safetyLabel(safety),
			stack: 'households',
			itemStyle: { color: SAFETY_COLORS[safety] },
			// One series per safety class so the legend names the colours; a source has one class.
			data: rows.map((r) => (r.safety === safety ? r.households : '-'))
		}))
	};
}

/** Households per desil, the plan's desil range in the accent colour. */
export function desilOption(rows: readonly DesilRow[]): ChartOption {
	const series = (
		[
			[true, m.vpanel_desil_in(), CHART_COLORS.accent],
			[false, m.vpanel_desil_out(), '#9bb3c4']
		] as const
	).map(([inside, name, color]) => ({
		type: 'bar' as const,
		name,
		stack: 'households',
		itemStyle: { color },
		data: rows.map((r) => (r.inPopulation === inside ? r.households : '-'))
	}));
	return {
		...base,
		xAxis: { type: 'category', data: rows.map((r) => desilLabel(r.desil)), axisLabel: { interval: 0, width: 44, overflow: 'break' } },
		yAxis: valueAxis,
		// Room for "Tanpa desil" on two lines (the label estimate counts one).
		grid: { ...base.grid, bottom: 16 },
		series
	};
}
