/** The pledge lines' draws and the per-village gap table of the allocation the engine holds (issue 16 point 3). */
import type { Engine } from '../engine/types';
import type { Plan } from '../core/plan';
import { gapTable, pledgeDraws, type GapRow } from '../core/partner/gap';
import { pledgeFlags, type PledgeDraw, type PledgeFlag } from '../core/partner/pledge';
import { villageLineBudget } from './allocation';
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
