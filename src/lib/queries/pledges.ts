/** The pledge lines' draws and the per-village gap table of the allocation the engine holds (issue 16 point 3). */
import type { Engine } from '../engine/types';
import type { FundingLine, Plan } from '../core/plan';
import { gapTable, pledgeDraws, type GapRow } from '../core/partner/gap';
import { pledgeFlags, pledgeProgramme, type PledgeDraw, type PledgeFlag } from '../core/partner/pledge';
import { bnbaOfLine, villageLineBudget, type BnbaRow } from './allocation';
import { unmetNeed } from './partner-pack';

export interface PledgeStanding {
	draws: PledgeDraw[];
	flags: PledgeFlag[];
	gaps: GapRow[];
}

/** Read after the allocation of `plan` has run. */
export async function pledgeStanding(engine: Engine, plan: Plan): Promise<PledgeStanding> {
	const funded = await villageLineBudget(engine);
	const unmet = await unmetNeed(engine);
	const draws = pledgeDraws(plan, funded, unmet);
	return { draws, flags: pledgeFlags(plan, draws), gaps: gapTable(plan, funded, unmet) };
}

/** By name, the units the given pledge lines fund, line after line (read after the plan's allocation). */
export async function handoverRows(engine: Engine, lines: readonly FundingLine[]): Promise<BnbaRow[]> {
	const rows: BnbaRow[] = [];
	for (const line of lines) {
		const programme = pledgeProgramme(line);
		if (programme !== null) rows.push(...(await bnbaOfLine(engine, programme, line.id)));
	}
	return rows;
}
