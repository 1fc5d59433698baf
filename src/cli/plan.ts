/**
 * `tepat plan --register FILE [FILE2] [--plan rencana.json] --out DIR`: the plan's allocation with the
 * Node driver, for batch runs and registers larger than a browser holds. Without --plan the default
 * plan is used (as `tepat indicators` does). Writes the same files as the Plan screen (the same rows
 * through the same export code, so the CSV lists are byte for byte the browser's):
 *   DIR/rencana.json               the plan used, complete (defaults filled in), as the Plan screen saves it
 *   DIR/alokasi.csv                every candidate with rank, status, funding line and reason
 *   DIR/bnba-<program>.csv|.xlsx   the funded units of each programme by name and address
 *   DIR/ringkasan-anggaran.xlsx    units and Rupiah by programme × funding line and × village
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALLOCATION_COLUMNS, ALLOCATION_ORDER, ALLOCATION_TABLE } from '../lib/core/programs';
import { serialisePlan } from '../lib/core/plan';
import { toCsv, type CsvCell } from '../lib/export/csv';
import { bnbaCsv, bnbaFileStem, bnbaXlsx, budgetXlsx, stampOf } from '../lib/export/bnba';
import { planNotes } from '../lib/words/capability-notes';
import { registerFields } from '../lib/queries/capabilities';
import { bnba, lineBudget, registerChecksum, runAllocation, villageBudget, villageLineBudget } from '../lib/queries/allocation';
import { readPlanOrReport } from './plan-file';
import { parseRegisterArgs, registerOptionsUsage, takeRegisterFlag, takeValue, withRegister, type RegisterArgs } from './load';
import { m } from '../lib/paraglide/messages.js';
import { EXIT_FAILED, EXIT_OK, UsageError, formatNumber, formatSeconds, langOf, type CliIO, type Command } from './io';

interface PlanArgs extends RegisterArgs {
	plan?: string;
	out?: string;
	register: boolean;
}

function ownOption(args: readonly string[], i: number, into: PlanArgs): number | undefined {
	for (const key of ['plan', 'out'] as const) {
		const taken = takeValue(args, i, `--${key}`);
		if (taken) {
			into[key] = taken.value;
			return taken.last;
		}
	}
	return takeRegisterFlag(args, i, into);
}

/** The plan used, written into the output folder. */
export const PLAN_FILE = 'rencana.json';

const rupiah = (n: number) => `Rp ${formatNumber(n)}`;

export const planCommand: Command = {
	name: 'plan',
	summary: (lang) => m.cli_plan_summary({}, { locale: lang }),
	usage: (lang) => m.cli_plan_usage({ options: registerOptionsUsage(lang) }, { locale: lang }),
	async run(args: string[], io: CliIO): Promise<number> {
		const parsed = parseRegisterArgs(args, { files: [], register: false } as PlanArgs, ownOption);
		if (!parsed.register) throw new UsageError((lang) => m.cli_register_flag_missing({}, { locale: lang }));
		if (!parsed.out) throw new UsageError((lang) => m.cli_out_missing({ dir: 'FOLDER' }, { locale: lang }));
		const out = parsed.out;
		const lang = langOf(io);
		const plan = await readPlanOrReport(parsed.plan, io);
		if (!plan) return EXIT_FAILED;
		try {
			await mkdir(out, { recursive: true });
		} catch {
			io.stderr(`${m.cli_plan_folder_failed({ dir: out }, { locale: lang })}\n`);
			return EXIT_FAILED;
		}
		return withRegister(parsed, io, async ({ engine, reference, started }) => {
			const allocationMs = await runAllocation(engine, plan);
			const notes = planNotes(await registerFields(engine), plan, lang);
			const stamp = stampOf(plan, await registerChecksum(engine), reference.kabupaten, notes, lang);

			const all = await engine.query(
				`SELECT ${ALLOCATION_COLUMNS.join(', ')} FROM ${ALLOCATION_TABLE} ORDER BY programme, rank NULLS LAST, unit_id`
			);
			const columns = ALLOCATION_COLUMNS.map((c) => all.getChild(c));
			const rows: CsvCell[][] = [];
			for (let i = 0; i < all.numRows; i++) {
				rows.push(
					columns.map((v) => {
						const value: unknown = v?.get(i);
						return typeof value === 'bigint' ? Number(value) : (value as CsvCell);
					})
				);
			}
			// The plan used, so the folder says which decisions made these lists (the default one too).
			await writeFile(join(out, PLAN_FILE), serialisePlan(plan));
			await writeFile(join(out, 'alokasi.csv'), toCsv([...ALLOCATION_COLUMNS], rows));

			for (const programme of ALLOCATION_ORDER) {
				if (!plan.programmes[programme].enabled) continue;
				const list = await bnba(engine, programme);
				await writeFile(join(out, `${bnbaFileStem(programme)}.csv`), bnbaCsv(list, stamp));
				await writeFile(join(out, `${bnbaFileStem(programme)}.xlsx`), await bnbaXlsx(programme, list, stamp));
			}
			const lines = await lineBudget(engine);
			await writeFile(
				join(out, 'ringkasan-anggaran.xlsx'),
				await budgetXlsx(lines, await villageBudget(engine), await villageLineBudget(engine), stamp)
			);

			const locale = { locale: lang };
			for (const l of lines) {
				const words = { programme: l.programme, line: l.funding_line, units: formatNumber(l.units), rupiah: rupiah(l.rupiah) };
				io.stderr(`${m.cli_plan_line(words, locale)}\n`);
			}
			if (!parsed.plan) io.stderr(`${m.cli_plan_default({ file: join(out, PLAN_FILE) }, locale)}\n`);
			const done = m.cli_plan_done(
				{
					plan: plan.name,
					checksum: stamp.registerChecksum,
					allocation: formatSeconds(allocationMs),
					seconds: formatSeconds(performance.now() - started),
					dir: out
				},
				locale
			);
			io.stderr(`${done}\n`);
			return EXIT_OK;
		});
	}
};
