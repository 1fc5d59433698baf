/**
 * `tepat indicators --register FILE [FILE2] [--plan plan.json]`: every indicator's count and
 * denominator per reference village, as CSV on stdout, computed by the same SQL as the Map screen.
 */
import { INDICATOR_IDS, countColumn, denominatorColumn, type AreaFigures } from '../lib/core/indicators';
import { readPlanOrReport } from './plan-file';
import { villageIndicators } from '../lib/queries/indicators';
import { registerFields } from '../lib/queries/capabilities';
import { capabilitiesOf, uncomputedIndicators } from '../lib/core/capabilities';
import { exportNotes, indicatorNotes } from '../lib/words/capability-notes';
import { REGISTER_OPTIONS_USAGE, parseRegisterArgs, takeRegisterFlag, takeValue, withRegister, type RegisterArgs } from './load';
import { EXIT_FAILED, EXIT_OK, UsageError, csvLine, formatNumber, formatSeconds, type CliIO, type Command } from './io';

export const INDICATORS_HEADER = [
	'kode',
	'nama',
	'kecamatan',
	...INDICATOR_IDS.flatMap((id) => [countColumn(id), denominatorColumn(id)])
] as const;

interface IndicatorArgs extends RegisterArgs {
	plan?: string;
	register: boolean;
}

function ownOption(args: readonly string[], i: number, into: IndicatorArgs): number | undefined {
	const plan = takeValue(args, i, '--plan');
	if (plan) {
		into.plan = plan.value;
		return plan.last;
	}
	return takeRegisterFlag(args, i, into);
}

export const indicatorsCommand: Command = {
	name: 'indicators',
	summary: 'Indikator kemiskinan per desa (ATS, RTLH, air minum, Paket A/B/C): jumlah dan penyebut, CSV ke stdout',
	usage: [
		'tepat indicators --register FILE [FILE2] [--plan rencana.json] [--mapping pemetaan.json] [--sheet NAMA] [--reference reference.json]',
		'',
		'  --register    ekspor DTSEN, DTKS/BDT atau P3KE: satu berkas gabungan, atau berkas keluarga + anggota',
		'  --plan        berkas rencana Tepat (ambang indikator, desil, status verval); bawaan: nilai baku',
		...REGISTER_OPTIONS_USAGE,
		'',
		'Mencetak CSV, satu baris per desa/kelurahan referensi: kode,nama,kecamatan lalu <indikator>_count dan',
		`<indikator>_denominator untuk: ${INDICATOR_IDS.join(', ')}.`,
		'Indikator yang tidak bisa dihitung karena kolomnya tidak ada di register dibiarkan kosong (bukan 0), dengan catatan di stderr.',
		'Penyebut: keluarga (rtlh*, water*), anak seusia jenjang (ats*), penduduk di rentang umur Paket (paket*).'
	].join('\n'),
	async run(args: string[], io: CliIO): Promise<number> {
		const parsed = parseRegisterArgs(args, { files: [], register: false } as IndicatorArgs, ownOption);
		if (!parsed.register) throw new UsageError('Sebutkan berkas register dengan --register FILE.');
		const plan = await readPlanOrReport(parsed.plan, io);
		if (!plan) return EXIT_FAILED;
		return withRegister(parsed, io, async ({ engine, result, started }) => {
			const rows = await villageIndicators(engine, plan);
			const caps = capabilitiesOf(await registerFields(engine), plan);
			// An indicator the register has no column for is left empty, never a count of 0.
			const uncomputable = uncomputedIndicators(caps);
			const cells = (r: AreaFigures) =>
				INDICATOR_IDS.flatMap((id): (string | number)[] =>
					uncomputable.has(id) ? ['', ''] : [r.figures[id].count, r.figures[id].denominator]
				);
			const lines = [csvLine(INDICATORS_HEADER), ...rows.map((r) => csvLine([r.kode, r.nama, r.kecamatan, ...cells(r)]))];
			io.stdout(`${lines.join('\n')}\n`);
			io.stderr(
				`${formatNumber(rows.length)} desa/kelurahan; rencana '${plan.name}' (desil ${plan.population.desil.min}–` +
					`${plan.population.desil.max}, verval ${plan.population.verval.join('/')}). ` +
					`${formatNumber(result.rowsRead)} baris dibaca, total ${formatSeconds(performance.now() - started)} detik.\n`
			);
			// An indicator not computed in full, a filter the register cannot apply, or records without a value, said beside the figures.
			for (const note of [...indicatorNotes(caps, io.lang ?? 'id'), ...exportNotes(caps, io.lang ?? 'id')]) io.stderr(`Catatan: ${note}\n`);
			return EXIT_OK;
		});
	}
};
