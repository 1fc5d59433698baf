/**
 * What the partner pack is built from (issue 16): the allocation's unfunded units and their Rupiah per
 * village and programme, the indicator counts per village, and the regency's villages. Aggregates only:
 * nothing here reads a name, NIK, KK, address or household id into the result.
 */
import type { Engine } from '../engine/types';
import { ALLOCATION_TABLE } from '../core/programs';
import type { Plan } from '../core/plan';
import { rowsOf } from '../core/rows';
import { select } from '../core/sql';
import type { StatusSource } from '../core/verval/relations';
import {
	PACK_INDICATORS,
	buildPartnerPack,
	type PackIndicatorRow,
	type PackNeedRow,
	type PackVillageRef,
	type PartnerPack
} from '../core/partner/pack';
import type { BoundaryCollection } from '../core/geo/types';
import { villageIndicators } from './indicators';
import { registerChecksum } from './allocation';
import type { ProgrammeId } from '../core/plan';

const NEED_ROW = { programme: 'string', village_kode: 'string', units: 'number', rupiah: 'number' } as const;

/** Units no funding line of the plan reaches (unfunded, or over a village cap), per programme and village. */
export function unmetNeedSql(): string {
	return select({
		select: ['programme', 'village_kode', 'count(*)::INTEGER AS units', 'sum(cost)::DOUBLE AS rupiah'],
		from: ALLOCATION_TABLE,
		where: ["status <> 'excluded'", 'funding_line IS NULL'],
		groupBy: ['ALL'],
		orderBy: ['programme', 'village_kode']
	});
}

export async function unmetNeed(engine: Engine): Promise<PackNeedRow[]> {
	return rowsOf(await engine.query(unmetNeedSql()), NEED_ROW).map((r) => ({ ...r, programme: r.programme as ProgrammeId }));
}

const VILLAGE_ROW = { kode: 'string', nama: 'string', kecamatan_kode: 'string', kecamatan_nama: 'string' } as const;

export async function regencyVillages(engine: Engine): Promise<PackVillageRef[]> {
	const sql = select({ select: ['kode', 'nama', 'kecamatan_kode', 'kecamatan_nama'], from: 'village', orderBy: ['kode'] });
	return rowsOf(await engine.query(sql), VILLAGE_ROW);
}

export interface PackContext {
	plan: Plan;
	regency: { kode: string; nama: string };
	boundaries: BoundaryCollection | null;
	attribution: string | null;
	source?: StatusSource;
	/** A table of the population's counted people, when the caller keeps one (queries/indicators.ts). */
	peopleTable?: string | null;
	now?: Date;
}

/** The pack of the allocation the engine holds now (the caller runs the allocation for this plan first). */
export async function partnerPack(engine: Engine, context: PackContext): Promise<PartnerPack> {
	const figures = await villageIndicators(engine, context.plan, context.source ?? 'register', context.peopleTable ?? null);
	const indicators: PackIndicatorRow[] = figures.flatMap((area) =>
		PACK_INDICATORS.map((indicator) => ({ village_kode: area.kode, indicator, count: area.figures[indicator].count }))
	);
	return buildPartnerPack({
		createdAt: (context.now ?? new Date()).toISOString(),
		plan: context.plan,
		checksum: await registerChecksum(engine),
		regency: context.regency,
		villages: await regencyVillages(engine),
		need: await unmetNeed(engine),
		indicators,
		boundaries: context.boundaries,
		attribution: context.attribution
	});
}
