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
import { parseRegisterArgs, registerOptionsUsage, takeRegisterFlag, takeValue, withRegister, type RegisterArgs } from './load';
import { m } from '../lib/paraglide/messages.js';
import { EXIT_FAILED, EXIT_OK, UsageError, csvLine, formatNumber, formatSeconds, langOf, type CliIO, type Command } from './io';

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
	summary: (lang) => m.cli_indicators_summary({}, { locale: lang }),
	usage: (lang) => m.cli_indicators_usage({ options: registerOptionsUsage(lang), ids: INDICATOR_IDS.join(', ') }, { locale: lang }),
	async run(args: string[], io: CliIO): Promise<number> {
		const parsed = parseRegisterArgs(args, { files: [], register: false } as IndicatorArgs, ownOption);
		if (!parsed.register) throw new UsageError((lang) => m.cli_register_flag_missing({}, { locale: lang }));
		const lang = langOf(io);
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
			const done = m.cli_indicators_done(
				{
					villages: formatNumber(rows.length),
					plan: plan.name,
					min: plan.population.desil.min,
					max: plan.population.desil.max,
					verval: plan.population.verval.join('/'),
					rows: formatNumber(result.rowsRead),
					seconds: formatSeconds(performance.now() - started)
				},
				{ locale: lang }
			);
			io.stderr(`${done}\n`);
			// An indicator not computed in full, a filter the register cannot apply, or records without a value, said beside the figures.
			for (const note of [...indicatorNotes(caps, lang), ...exportNotes(caps, lang)])
				io.stderr(`${m.cli_note({ note }, { locale: lang })}\n`);
			return EXIT_OK;
		});
	}
};
