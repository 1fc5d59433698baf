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
import { REGISTER_OPTIONS_USAGE, parseRegisterArgs, takeRegisterFlag, takeValue, withRegister, type RegisterArgs } from './load';
import { EXIT_FAILED, EXIT_OK, UsageError, formatNumber, formatSeconds, type CliIO, type Command } from './io';

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
	summary: 'Alokasi program (PIP, Paket, BSPS, RTLH, air bersih) menurut rencana; BNBA dan ringkasan anggaran ke folder',
	usage: [
		'tepat plan --register FILE [FILE2] [--plan rencana.json] --out FOLDER [--mapping pemetaan.json] [--sheet NAMA] [--reference reference.json]',
		'',
		'  --register    ekspor DTSEN, DTKS/BDT atau P3KE: satu berkas gabungan, atau berkas keluarga + anggota',
		'  --plan        berkas rencana Tepat (disimpan dari layar Rencana); bawaan: rencana baku',
		'  --out         folder tujuan (dibuat bila belum ada)',
		...REGISTER_OPTIONS_USAGE,
		'',
		'Menulis rencana.json (rencana yang dipakai, lengkap), alokasi.csv, bnba-<program>.csv dan .xlsx per program,',
		'dan ringkasan-anggaran.xlsx.'
	].join('\n'),
	async run(args: string[], io: CliIO): Promise<number> {
		const parsed = parseRegisterArgs(args, { files: [], register: false } as PlanArgs, ownOption);
		if (!parsed.register) throw new UsageError('Sebutkan berkas register dengan --register FILE.');
		if (!parsed.out) throw new UsageError('Sebutkan folder tujuan dengan --out FOLDER.');
		const out = parsed.out;
		const plan = await readPlanOrReport(parsed.plan, io);
		if (!plan) return EXIT_FAILED;
		try {
			await mkdir(out, { recursive: true });
		} catch {
			io.stderr(`Folder '${out}' tidak dapat dibuat.\n`);
			return EXIT_FAILED;
		}
		return withRegister(parsed, io, async ({ engine, reference, started }) => {
			const allocationMs = await runAllocation(engine, plan);
			const notes = planNotes(await registerFields(engine), plan, io.lang ?? 'id');
			const stamp = stampOf(plan, await registerChecksum(engine), reference.kabupaten, notes, io.lang ?? 'id');

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

			for (const l of lines) io.stderr(`${l.programme} ${l.funding_line}: ${formatNumber(l.units)} unit, ${rupiah(l.rupiah)}\n`);
			if (!parsed.plan) io.stderr(`Tanpa --plan: rencana baku dipakai (disimpan sebagai ${join(out, PLAN_FILE)}).\n`);
			io.stderr(
				`Rencana '${plan.name}', register ${stamp.registerChecksum}: alokasi ${formatSeconds(allocationMs)} detik, ` +
					`total ${formatSeconds(performance.now() - started)} detik. Berkas di ${out}\n`
			);
			return EXIT_OK;
		});
	}
};
