/**
 * The Plan screen's funding-line edits (ui/plan/funding-line-edit.ts) keep what the table does not
 * show: a pledge's line keeps its units, villages and pledge through every edit (and is not renamed,
 * re-kinded, re-budgeted or removed there: that is the Mitra screen's), and a targeted line typed into
 * a plan file keeps its villages when its name or budget changes. The plan stays valid throughout.
 */
import { describe, expect, it } from 'vitest';
import { defaultPlan, parsePlan, serialisePlan, type FundingLine, type Plan } from '../../src/lib/core/plan';
import {
	addLine,
	isPledgeLine,
	moveLine,
	removeLine,
	renameLine,
	setLineBudget,
	setLineKind
} from '../../src/lib/ui/plan/funding-line-edit';

const PLEDGE: FundingLine = {
	id: 'csr-pt-a-p1',
	name: 'PT A #P1',
	kind: 'CSR',
	budgets: {},
	units: { water: 20 },
	villages: ['64.02.06.2001', '64.02.06.2002'],
	pledge: {
		id: 'P1',
		firm: 'PT A',
		contact: 'csr@pt-a.example',
		year: 2027,
		pack: 'abc123',
		seen: { units: 25, rupiah: null },
		unseen: ['64.02.06.2002']
	}
};

const TARGETED: FundingLine = { id: 'dd', name: 'Dana Desa', kind: 'other', budgets: { water: 5_000_000 }, villages: ['64.02.06.2003'] };

function plan(): Plan {
	const p = defaultPlan();
	p.fundingLines = [...p.fundingLines, structuredClone(TARGETED), structuredClone(PLEDGE)];
	return parsePlan(serialisePlan(p), 'p.json');
}

/** The draft after an edit, checked by the plan's own validation as PlanModel does. */
function edited(edit: (draft: Plan) => void): Plan {
	const draft = plan();
	edit(draft);
	return parsePlan(serialisePlan(draft), 'rencana');
}

const line = (p: Plan, id: string) => p.fundingLines.find((l) => l.id === id);
const at = (p: Plan, id: string) => p.fundingLines.findIndex((l) => l.id === id);

describe('funding-line edits', () => {
	it('know a pledge line', () => {
		expect(isPledgeLine(PLEDGE)).toBe(true);
		expect(isPledgeLine(TARGETED)).toBe(false);
		expect(isPledgeLine(undefined)).toBe(false);
	});

	it('leave a pledge line exactly as it was through every edit aimed at it', () => {
		const i = at(plan(), PLEDGE.id);
		const edits: ((d: Plan) => void)[] = [
			(d) => renameLine(d, i, 'Nama baru'),
			(d) => setLineKind(d, i, 'APBD'),
			(d) => setLineBudget(d, i, 'water', 1_000_000),
			(d) => setLineBudget(d, i, 'pip', 1_000_000),
			(d) => removeLine(d, i)
		];
		for (const edit of edits) expect(line(edited(edit), PLEDGE.id)).toEqual(PLEDGE);
	});

	it('move a pledge line in the draw order with its units, villages and pledge', () => {
		const p = plan();
		const i = at(p, PLEDGE.id);
		const moved = edited((d) => moveLine(d, i, -1));
		expect(at(moved, PLEDGE.id)).toBe(i - 1);
		expect(line(moved, PLEDGE.id)).toEqual(PLEDGE);
		expect(moved.fundingLines).toHaveLength(p.fundingLines.length);
	});

	it('keep the other lines\u2019 pledges while editing, adding and removing ordinary lines', () => {
		const p = plan();
		const after = edited((d) => {
			renameLine(d, 0, 'APBD Kukar 2027');
			setLineKind(d, 1, 'CSR');
			setLineBudget(d, 0, 'water', 7_000_000);
			addLine(d, 'dana-9', 'Dana baru');
			removeLine(d, at(d, 'dana-9'));
		});
		expect(after.fundingLines.map((l) => l.id)).toEqual(p.fundingLines.map((l) => l.id));
		expect(line(after, PLEDGE.id)).toEqual(PLEDGE);
		expect(after.fundingLines[0]?.name).toBe('APBD Kukar 2027');
		expect(after.fundingLines[0]?.budgets.water).toBe(7_000_000);
		expect(after.fundingLines[1]?.kind).toBe('CSR');
	});

	it('keep a targeted line\u2019s villages when its name or budget changes, and drop a programme at 0', () => {
		const i = at(plan(), TARGETED.id);
		const after = edited((d) => {
			renameLine(d, i, 'Dana Desa 2027');
			setLineBudget(d, i, 'water', 0);
			setLineBudget(d, i, 'pip', 2_000_000);
		});
		expect(line(after, TARGETED.id)).toEqual({ ...TARGETED, name: 'Dana Desa 2027', budgets: { pip: 2_000_000 } });
	});
});
