/**
 * The CSR partners' commands (issue 16 point 5), the same code as the Mitra screen:
 *   tepat partner-pack --register FILE --plan P.json --out pack.tepat [--boundaries desa.geojson|.zip]
 *   tepat handover --register FILE --plan P.json --pledge PLEDGE.json --out list.enc [--pledge-id P1]
 * The pack carries the plan's unmet need with small counts hidden and no personal data; the handover
 * locks, by name, exactly the units a pledge funds, and writes its BAST beside it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBoundaryFile } from '../lib/core/geo/read';
import { checkWithinRegency } from '../lib/core/geo/regency-extent';
import { matchBoundaries } from '../lib/core/geo/match';
import type { BoundaryCollection } from '../lib/core/geo/types';
import type { Reference } from '../lib/core/reference';
import { BUNDLED_BOUNDARY_SOURCE } from '../lib/core/geo/bundled';
import { serialisePack } from '../lib/core/partner/pack';
import { importPledges, parsePledgeFile, pledgeLinesOf, type PledgeFile } from '../lib/core/partner/pledge';
import type { Plan } from '../lib/core/plan';
import { bastLogCsv } from '../lib/export/bast-log';
import { stampOf } from '../lib/export/bnba';
import { buildHandover } from '../lib/export/handover';
import { registerChecksum, runAllocation } from '../lib/queries/allocation';
import { registerFields } from '../lib/queries/capabilities';
import { partnerPack } from '../lib/queries/partner-pack';
import { handoverRows } from '../lib/queries/pledges';
import { planNotes } from '../lib/words/capability-notes';
import { m } from '../lib/paraglide/messages.js';
import { readPlanOrReport } from './plan-file';
import { parseRegisterArgs, registerOptionsUsage, takeRegisterFlag, takeValue, withRegister, type RegisterArgs } from './load';
import { EXIT_FAILED, EXIT_OK, UsageError, errorIn, formatNumber, formatSeconds, langOf, type CliIO, type Command } from './io';

/** Kukar's village boundaries shipped with Tepat, the pack's map when the register is Kukar's and no file is given. */
const KUKAR = '64.02';
export const KUKAR_VILLAGE_BOUNDARIES = fileURLToPath(new URL('../../data/boundaries/kukar-desa.geojson', import.meta.url));

/** Passphrases are never command-line arguments (other users see those in `ps`): an environment variable or a file. */
export const PASSPHRASE_ENV = 'TEPAT_PASSPHRASE';

interface PartnerArgs extends RegisterArgs {
	register: boolean;
	plan?: string;
	out?: string;
	boundaries?: string;
	pledge?: string;
	'pledge-id'?: string;
	'passphrase-file'?: string;
	'bast-number'?: string;
	recipient?: string;
	officer?: string;
	position?: string;
}

const VALUE_FLAGS = [
	'plan',
	'out',
	'boundaries',
	'pledge',
	'pledge-id',
	'passphrase-file',
	'bast-number',
	'recipient',
	'officer',
	'position'
] as const;

function ownOption(args: readonly string[], i: number, into: PartnerArgs): number | undefined {
	for (const key of VALUE_FLAGS) {
		const taken = takeValue(args, i, `--${key}`);
		if (taken) {
			into[key] = taken.value;
			return taken.last;
		}
	}
	return takeRegisterFlag(args, i, into);
}

function parse(args: string[], needs: readonly ('plan' | 'pledge')[]): PartnerArgs & { out: string } {
	const parsed = parseRegisterArgs(args, { files: [], register: false } as PartnerArgs, ownOption);
	if (!parsed.register) throw new UsageError((lang) => m.cli_register_flag_missing({}, { locale: lang }));
	for (const flag of needs) {
		if (!parsed[flag]) throw new UsageError((lang) => m.cli_partner_flag_missing({ flag: `--${flag}` }, { locale: lang }));
	}
	const out = parsed.out;
	if (!out) throw new UsageError((lang) => m.cli_partner_flag_missing({ flag: '--out' }, { locale: lang }));
	return { ...parsed, out };
}

async function writeOrReport(path: string, bytes: string | Uint8Array, io: CliIO): Promise<boolean> {
	try {
		await writeFile(path, bytes);
		return true;
	} catch {
		io.stderr(`${m.cli_partner_write_failed({ file: path }, { locale: langOf(io) })}\n`);
		return false;
	}
}

/** The villages' shapes for the pack: the given file matched to the register's regency, or Kukar's bundled ones. */
async function packBoundaries(
	path: string | undefined,
	reference: Reference,
	io: CliIO
): Promise<{ boundaries: BoundaryCollection | null; attribution: string | null } | null> {
	const file = path ?? (reference.kabupaten.kode === KUKAR ? KUKAR_VILLAGE_BOUNDARIES : undefined);
	if (file === undefined) {
		io.stderr(`${m.cli_partner_pack_no_boundaries({ regency: reference.kabupaten.nama }, { locale: langOf(io) })}\n`);
		return { boundaries: null, attribution: null };
	}
	try {
		const read = await readBoundaryFile(basename(file), new Uint8Array(await readFile(file)));
		const match = matchBoundaries(read.features, reference, 'village');
		checkWithinRegency(basename(file), match, reference);
		const { collection } = match;
		return { boundaries: collection, attribution: path === undefined ? BUNDLED_BOUNDARY_SOURCE : basename(file) };
	} catch (error) {
		io.stderr(`${errorIn(io, error)}\n`);
		return null;
	}
}

export const partnerPackCommand: Command = {
	name: 'partner-pack',
	summary: (lang) => m.cli_partner_pack_summary({}, { locale: lang }),
	usage: (lang) => m.cli_partner_pack_usage({ options: registerOptionsUsage(lang) }, { locale: lang }),
	async run(args: string[], io: CliIO): Promise<number> {
		const parsed = parse(args, ['plan']);
		const plan = await readPlanOrReport(parsed.plan, io);
		if (!plan) return EXIT_FAILED;
		const locale = { locale: langOf(io) };
		return withRegister(parsed, io, async ({ engine, reference, started }) => {
			const shapes = await packBoundaries(parsed.boundaries, reference, io);
			if (!shapes) return EXIT_FAILED;
			await runAllocation(engine, plan);
			const pack = await partnerPack(engine, { plan, regency: reference.kabupaten, ...shapes });
			if (!(await writeOrReport(parsed.out, serialisePack(pack), io))) return EXIT_FAILED;
			const hidden = pack.villages.filter((v) => Object.values(v.need).some((f) => f.units === null)).length;
			const words = {
				file: parsed.out,
				villages: formatNumber(pack.villages.length),
				hidden: formatNumber(hidden),
				threshold: String(pack.plan.threshold),
				checksum: pack.register.checksum,
				seconds: formatSeconds(performance.now() - started)
			};
			io.stderr(`${m.cli_partner_pack_done(words, locale)}\n`);
			return EXIT_OK;
		});
	}
};

async function readPledgeOrReport(path: string, io: CliIO): Promise<PledgeFile | null> {
	try {
		return parsePledgeFile(await readFile(path, 'utf8'), path);
	} catch (error) {
		if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
			io.stderr(`${m.cli_file_not_found({ file: path }, { locale: langOf(io) })}\n`);
			return null;
		}
		io.stderr(`${errorIn(io, error)}\n`);
		return null;
	}
}

async function passphraseOf(parsed: PartnerArgs, io: CliIO): Promise<string | null> {
	const lang = langOf(io);
	if (parsed['passphrase-file']) {
		try {
			// One line: the file's trailing newline is not part of the passphrase.
			return (await readFile(parsed['passphrase-file'], 'utf8')).replace(/\r?\n$/, '');
		} catch {
			io.stderr(`${m.cli_file_not_found({ file: parsed['passphrase-file'] }, { locale: lang })}\n`);
			return null;
		}
	}
	const value = process.env[PASSPHRASE_ENV];
	if (value === undefined || value === '') {
		io.stderr(`${m.cli_handover_passphrase_missing({ env: PASSPHRASE_ENV }, { locale: lang })}\n`);
		return null;
	}
	return value;
}

/** The plan with the file's pledges in it: as Dinsos accepted them, or imported for this run when they are not. */
function withPledges(plan: Plan, file: PledgeFile, io: CliIO): Plan {
	if (pledgeLinesOf(plan, file).length > 0) return plan;
	io.stderr(`${m.cli_handover_imported({ firm: file.firm }, { locale: langOf(io) })}\n`);
	return importPledges(plan, file).plan;
}

/** A local ISO time with its offset (the BAST records a moment where it happened). */
function localIso(date: Date): string {
	const offset = -date.getTimezoneOffset();
	const sign = offset >= 0 ? '+' : '-';
	const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
	const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
	return `${local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

export const handoverCommand: Command = {
	name: 'handover',
	summary: (lang) => m.cli_handover_summary({}, { locale: lang }),
	usage: (lang) => m.cli_handover_usage({ options: registerOptionsUsage(lang), env: PASSPHRASE_ENV }, { locale: lang }),
	async run(args: string[], io: CliIO): Promise<number> {
		const parsed = parse(args, ['plan', 'pledge']);
		const lang = langOf(io);
		const locale = { locale: lang };
		const read = await readPlanOrReport(parsed.plan, io);
		if (!read) return EXIT_FAILED;
		const file = await readPledgeOrReport(parsed.pledge ?? '', io);
		if (!file) return EXIT_FAILED;
		const pledgeId = parsed['pledge-id'];
		if (pledgeId !== undefined && !file.pledges.some((p) => p.id === pledgeId)) {
			const ids = file.pledges.map((p) => p.id).join(', ');
			io.stderr(`${m.cli_handover_pledge_not_found({ id: pledgeId, file: parsed.pledge ?? '', ids }, locale)}\n`);
			return EXIT_FAILED;
		}
		const passphrase = await passphraseOf(parsed, io);
		if (passphrase === null) return EXIT_FAILED;
		const plan = withPledges(read, file, io);
		const lines = pledgeLinesOf(plan, file, pledgeId);
		return withRegister(parsed, io, async ({ engine, reference, started }) => {
			await runAllocation(engine, plan);
			const rows = await handoverRows(engine, lines);
			if (rows.length === 0) {
				io.stderr(`${m.cli_handover_no_units({ firm: file.firm }, locale)}\n`);
				return EXIT_FAILED;
			}
			const notes = planNotes(await registerFields(engine), plan, lang);
			const stamp = stampOf(plan, await registerChecksum(engine), reference.kabupaten, notes, lang);
			const now = new Date();
			const pledges = lines.map((l) => l.pledge?.id ?? l.id);
			const programmes = [...new Set(rows.map((r) => r.programme))];
			try {
				const handover = await buildHandover({
					rows,
					stamp,
					passphrase,
					fileName: basename(parsed.out),
					now,
					bast: {
						number: parsed['bast-number'] ?? `BAST/${now.toISOString().slice(0, 10)}/${pledges.join('+')}`,
						handedOverAt: localIso(now),
						programme: programmes.join(', '),
						pledgeId: pledges.join(', '),
						firm: file.firm,
						recipientName: parsed.recipient ?? (file.contact || file.firm),
						recipientContact: file.contact || '-',
						officerName: parsed.officer ?? m.cli_handover_default_officer({}, locale),
						officerPosition: parsed.position ?? m.cli_handover_default_position({}, locale)
					}
				});
				const log = `${parsed.out}.bast.csv`;
				if (!(await writeOrReport(parsed.out, handover.bytes, io))) return EXIT_FAILED;
				if (!(await writeOrReport(log, bastLogCsv([handover.record]), io))) return EXIT_FAILED;
				const words = {
					file: parsed.out,
					units: formatNumber(rows.length),
					firm: file.firm,
					sha256: handover.record.fileSha256,
					bast: handover.record.number,
					log,
					seconds: formatSeconds(performance.now() - started)
				};
				io.stderr(`${m.cli_handover_done(words, locale)}\n`);
				return EXIT_OK;
			} catch (error) {
				io.stderr(`${errorIn(io, error)}\n`);
				return EXIT_FAILED;
			}
		});
	}
};
