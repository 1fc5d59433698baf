/**
 * The register target: a small generated DTSEN flat file, damaged in the ways a Dinsos export, an
 * Excel round trip or a hostile user damages one, loaded by the same ingest as the app and the CLI
 * into an engine that already holds a good register.
 */
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { loadReport } from '../../src/lib/ingest/report';
import { bytesByteSource } from '../../src/lib/ingest/bytes-source';
import { IngestError } from '../../src/lib/ingest/types';
import { NodeEngine } from '../../src/lib/engine/node';
import { registerChecksum } from '../../src/lib/queries/allocation';
import { REFERENCE } from '../../src/lib/sample/region';
import { csvField } from '../../src/lib/sample';
import { csvRows } from '../../src/lib/sample/xlsx';
import { errorWords } from '../../src/lib/words';
import { generatedDtsen } from '../fixtures/capabilities';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xlsxPackage } from '../fixtures/xlsx-package';
import { flipBytes, latin1, randomBytes, truncateAt, utf16, utf8 } from './bytes';
import type { Random } from './random';
import type { Damage, FuzzInput, Outcome, Verdict } from './types';

const PEOPLE = 40;

interface Table {
	header: string[];
	rows: string[][];
}

function seedTable(seed: number): Table {
	const [header = [], ...rows] = [...csvRows(generatedDtsen(PEOPLE, seed).csv.replace(/\r\n/g, '\n'))].filter(
		(r) => r.length > 1 || r[0] !== ''
	);
	return { header, rows };
}

const line = (row: readonly string[], delimiter = ',') => row.map(csvField).join(delimiter);
const text = (t: Table, delimiter = ',', eol = '\n') => [t.header, ...t.rows].map((r) => line(r, delimiter)).join(eol) + eol;
const column = (t: Table, name: string) => {
	const i = t.header.indexOf(name);
	if (i < 0) throw new Error(`no column ${name}`);
	return i;
};

/** A copy of the table with one cell of a random row set. */
function withCell(t: Table, random: Random, name: string, value: string): { table: Table; row: number } {
	const row = random.int(0, t.rows.length - 1);
	const rows = t.rows.map((r) => [...r]);
	const target = rows[row];
	if (target) target[column(t, name)] = value;
	return { table: { header: t.header, rows }, row };
}

function seeded(random: Random): Table {
	return seedTable(random.int(1, 1_000_000));
}

const file = (bytes: Uint8Array, people?: number) => ({ name: 'dtsen-rusak.csv', bytes, ...(people === undefined ? {} : { people }) });

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The table as one worksheet of inline strings (Excel's own files use shared strings; both are read). */
function xlsxOf(t: Table): Uint8Array {
	const letters = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letters(Math.floor(i / 26) - 1) + letters(i % 26));
	const rowXml = (row: readonly string[], r: number) =>
		`<row r="${r}">${row.map((v, i) => `<c r="${letters(i)}${r}" t="inlineStr"><is><t>${xml(v)}</t></is></c>`).join('')}</row>`;
	return xlsxPackage({ sheets: [{ name: 'Data', sheetData: [t.header, ...t.rows].map((row, i) => rowXml(row, i + 1)).join('') }] });
}

/** The ZIP with the central directory's declared size of `entry` set to `size` (a lie about what it inflates to). */
function declaring(bytes: Uint8Array, entry: string, size: number): Uint8Array {
	const out = bytes.slice();
	const view = new DataView(out.buffer);
	const names = new TextDecoder();
	for (let at = 0; at + 46 <= out.length; at++) {
		if (view.getUint32(at, true) !== 0x02014b50) continue;
		if (names.decode(out.subarray(at + 46, at + 46 + view.getUint16(at + 28, true))) === entry) view.setUint32(at + 24, size, true);
	}
	return out;
}

let parquetEngine: Promise<NodeEngine> | null = null;

/**
 * The table as Parquet, written by DuckDB with each column cast by `types` (VARCHAR by default): the
 * types another tool's export may give a column Tepat reads as text or a code.
 */
async function parquetOf(t: Table, types: Readonly<Record<string, string>> = {}): Promise<Uint8Array> {
	parquetEngine ??= NodeEngine.open();
	const engine = await parquetEngine;
	const dir = await mkdtemp(join(tmpdir(), 'tepat-fuzz-'));
	try {
		await writeFile(join(dir, 'in.csv'), text(t));
		const columns = t.header.map((h) => `TRY_CAST("${h}" AS ${types[h] ?? 'VARCHAR'}) AS "${h}"`).join(', ');
		await engine.exec(
			`COPY (SELECT ${columns} FROM read_csv('${join(dir, 'in.csv')}', all_varchar = true, header = true)) TO '${join(dir, 'out.parquet')}' (FORMAT parquet)`
		);
		return new Uint8Array(await readFile(join(dir, 'out.parquet')));
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

const xlsxFile = (bytes: Uint8Array, people?: number) => ({ name: 'dtsen-rusak.xlsx', bytes, ...(people === undefined ? {} : { people }) });
const parquetFile = (bytes: Uint8Array, people?: number) => ({
	name: 'dtsen-rusak.parquet',
	bytes,
	...(people === undefined ? {} : { people })
});

export const REGISTER_DAMAGES: Damage[] = [
	{ name: 'intact', expect: 'either', make: (r) => file(utf8(text(seeded(r))), PEOPLE) },
	{ name: 'crlf-semicolon', expect: 'either', make: (r) => file(utf8(text(seeded(r), ';', '\r\n')), PEOPLE) },
	{ name: 'tab-delimited', expect: 'either', make: (r) => file(utf8(text(seeded(r), '\t')), PEOPLE) },
	{ name: 'utf8-bom', expect: 'either', make: (r) => file(utf8(`\uFEFF${text(seeded(r))}`), PEOPLE) },
	{ name: 'truncated-bytes', expect: 'either', make: (r) => file(truncateAt(utf8(text(seeded(r))), r)) },
	{ name: 'flipped-bytes', expect: 'either', make: (r) => file(flipBytes(utf8(text(seeded(r))), r)) },
	{ name: 'binary-garbage', expect: 'refused', make: (r) => file(randomBytes(r, r.int(1, 4096))) },
	{ name: 'empty-file', expect: 'refused', make: () => file(new Uint8Array(0)) },
	{ name: 'header-only', expect: 'refused', make: (r) => file(utf8(`${line(seeded(r).header)}\n`)) },
	{
		name: 'no-nik-column',
		expect: 'refused',
		make: (r) => {
			const t = seeded(r);
			const drop = column(t, 'nomor_kartu_keluarga');
			const cut = (row: string[]) => row.filter((_, i) => i !== drop);
			return file(utf8(text({ header: cut(t.header), rows: t.rows.map(cut) })));
		}
	},
	{
		name: 'duplicated-row',
		expect: 'noticed',
		make: (r) => {
			const t = seeded(r);
			const row = t.rows[r.int(0, t.rows.length - 1)] ?? [];
			return file(utf8(text({ header: t.header, rows: [...t.rows, [...row]] })), PEOPLE);
		}
	},
	{
		name: 'nul-bytes',
		expect: 'either',
		make: (r) => {
			const bytes = utf8(text(seeded(r)));
			for (let n = r.int(1, 3); n > 0; n--) bytes[r.int(bytes.length / 2, bytes.length - 2)] = 0;
			return file(bytes);
		}
	},
	{
		name: 'huge-name',
		expect: 'either',
		make: (r) => {
			const { table } = withCell(seeded(r), r, 'nama', 'A'.repeat(r.int(10_000, 300_000)));
			return file(utf8(text(table)), PEOPLE);
		}
	},
	{
		name: 'formula-name',
		expect: 'either',
		make: (r) => {
			const formula = r.pick(['=HYPERLINK("http://x.test","klik")', '+1+1', '-2+3', '@SUM(A1)', '<img src=x onerror=alert(1)>']);
			return file(utf8(text(withCell(seeded(r), r, 'nama', formula).table)), PEOPLE);
		}
	},
	{
		name: 'unclosed-quote',
		expect: 'noticed',
		make: (r) => {
			const t = seeded(r);
			const lines = text(t).split('\n');
			const row = r.int(1, lines.length - 2);
			lines[row] = `"${lines[row] ?? ''}`;
			return file(utf8(lines.join('\n')), PEOPLE);
		}
	},
	{
		name: 'lone-cr-in-field',
		expect: 'either',
		make: (r) => file(utf8(text(withCell(seeded(r), r, 'nama', 'Siti\rRahmah').table)), PEOPLE)
	},
	{
		name: 'ragged-row',
		expect: 'noticed',
		make: (r) => {
			const t = seeded(r);
			const lines = text(t).split('\n');
			const row = r.int(1, lines.length - 2);
			const fields = (lines[row] ?? '').split(',');
			lines[row] = fields.slice(0, fields.length - r.int(1, 10)).join(',');
			return file(utf8(lines.join('\n')), PEOPLE);
		}
	},
	{
		name: 'truncated-mid-row',
		expect: 'noticed',
		make: (r) => {
			const body = text(seeded(r)).trimEnd();
			const lastLine = body.lastIndexOf('\n');
			return file(utf8(body.slice(0, r.int(lastLine + 20, body.length - 5))), PEOPLE);
		}
	},
	{
		name: 'invalid-desil',
		expect: 'noticed',
		make: (r) => file(utf8(text(withCell(seeded(r), r, 'desil_nasional', r.pick(['x', '-3', '99', '4,5', '2.5', 'NaN'])).table)), PEOPLE)
	},
	{
		name: 'invalid-age',
		expect: 'noticed',
		make: (r) => {
			const { table } = withCell(seeded(r), r, 'usia', r.pick(['NaN', '-5', '1.234,5', 'dua puluh', '1e9']));
			return file(utf8(text(table)), PEOPLE);
		}
	},
	{
		name: 'mixed-encoding',
		expect: 'noticed',
		make: (r) => {
			const { table } = withCell(seeded(r), r, 'nama', 'José Ñoño');
			const bytes = utf8(text(table));
			// One name's é as Windows-1252 (0xE9) in an otherwise UTF-8 file.
			const at = bytes.findIndex((b, i) => b === 0xc3 && bytes[i + 1] === 0xa9);
			return file(at < 0 ? bytes : Uint8Array.from([...bytes.subarray(0, at), 0xe9, ...bytes.subarray(at + 2)]), PEOPLE);
		}
	},
	{ name: 'xlsx-intact', expect: 'either', make: (r) => xlsxFile(xlsxOf(seeded(r)), PEOPLE) },
	{
		name: 'xlsx-declared-smaller',
		expect: 'refused',
		make: (r) => xlsxFile(declaring(xlsxOf(seeded(r)), 'xl/worksheets/sheet1.xml', r.int(10, 2000)))
	},
	{ name: 'xlsx-truncated', expect: 'either', make: (r) => xlsxFile(truncateAt(xlsxOf(seeded(r)), r)) },
	{ name: 'xlsx-flipped', expect: 'either', make: (r) => xlsxFile(flipBytes(xlsxOf(seeded(r)), r)) },
	{
		name: 'xlsx-bad-desil',
		expect: 'noticed',
		make: (r) => xlsxFile(xlsxOf(withCell(seeded(r), r, 'desil_nasional', r.pick(['x', '-3', '99', 'NaN'])).table), PEOPLE)
	},
	{ name: 'parquet-text', expect: 'either', make: async (r) => parquetFile(await parquetOf(seeded(r)), PEOPLE) },
	{
		name: 'parquet-typed',
		expect: 'either',
		make: async (r) =>
			parquetFile(
				await parquetOf(seeded(r), {
					nomor_induk_kependudukan: 'BIGINT',
					nomor_kartu_keluarga: 'BIGINT',
					usia: r.pick(['INTEGER', 'DOUBLE', 'HUGEINT']),
					desil_nasional: r.pick(['TINYINT', 'DOUBLE', 'VARCHAR']),
					tanggal_lahir: 'DATE',
					luas_lantai: 'DECIMAL(9,2)'
				}),
				PEOPLE
			)
	},
	{
		name: 'parquet-wrong-types',
		expect: 'either',
		make: async (r) =>
			parquetFile(
				await parquetOf(seeded(r), {
					[r.pick(['desil_nasional', 'usia', 'jenis_kelamin', 'status_hubungan_keluarga'])]: r.pick([
						'BOOLEAN',
						'DATE',
						'BLOB',
						'VARCHAR[]',
						'STRUCT(v VARCHAR)'
					])
				})
			)
	},
	{ name: 'parquet-truncated', expect: 'either', make: async (r) => parquetFile(truncateAt(await parquetOf(seeded(r)), r)) },
	{ name: 'parquet-flipped', expect: 'either', make: async (r) => parquetFile(flipBytes(await parquetOf(seeded(r)), r)) },
	{
		name: 'utf16',
		expect: 'either',
		make: (r) => file(utf16(text(seeded(r)), r.next() < 0.5), PEOPLE)
	},
	{
		name: 'windows-1252',
		expect: 'either',
		make: (r) => file(latin1(text(withCell(seeded(r), r, 'nama', 'José Ñoño').table)), PEOPLE)
	}
];

/** Loads inputs one after another into an engine that holds a good register, judging each. */
export class RegisterRunner {
	#engine: NodeEngine | null = null;
	#checksum = '';

	async open(): Promise<void> {
		const engine = await NodeEngine.open();
		await loadReference(engine, REFERENCE);
		await ingestRegister(engine, [bytesByteSource('dtsen.csv', utf8(text(seedTable(7))))], REFERENCE);
		this.#engine = engine;
		this.#checksum = await registerChecksum(engine);
	}

	async close(): Promise<void> {
		await this.#engine?.close();
		const writer = parquetEngine;
		parquetEngine = null;
		await (await writer)?.close();
	}

	async run(input: FuzzInput): Promise<Omit<Outcome, 'input' | 'ms'>> {
		const engine = this.#engine;
		if (!engine) throw new Error('RegisterRunner.open() first');
		try {
			await ingestRegister(engine, [bytesByteSource(input.name, input.bytes)], REFERENCE);
		} catch (error) {
			if (!(error instanceof IngestError)) return { verdict: 'crashed', detail: String(error instanceof Error ? error.stack : error) };
			const words = errorWords(error, 'id');
			if ((await registerChecksum(engine)) !== this.#checksum) return { verdict: 'changed-previous', detail: words };
			if (input.expect !== 'refused' && !words.includes(input.name)) return { verdict: 'unclear', detail: words };
			return { verdict: 'refused', detail: words };
		}
		this.#checksum = await registerChecksum(engine);
		return this.#judgeLoad(engine, input);
	}

	async #judgeLoad(engine: NodeEngine, input: FuzzInput): Promise<{ verdict: Verdict; detail: string }> {
		const report = await loadReport(engine);
		if (!report) return { verdict: 'silently-wrong', detail: 'loaded without a report' };
		const people = Number((await engine.query('SELECT count(*)::BIGINT AS n FROM person')).get(0)?.n ?? 0);
		const accounted = report.people + report.rowsRejected;
		if (accounted !== report.rowsRead) {
			return {
				verdict: 'silently-wrong',
				detail: `rows read ${report.rowsRead} ≠ people ${report.people} + rejected ${report.rowsRejected}`
			};
		}
		if (input.expect === 'refused') return { verdict: 'silently-wrong', detail: `loaded ${people} people from input that must be refused` };
		const noticed = report.rowsRejected > 0 || report.findings.rejected + report.findings.error + report.findings.warning > 0;
		if (input.expect === 'noticed' && !noticed) return { verdict: 'silently-wrong', detail: 'loaded with no finding' };
		if (input.people !== undefined && people !== input.people && !noticed) {
			return { verdict: 'silently-wrong', detail: `${people} people loaded, ${input.people} in the file, no finding` };
		}
		return { verdict: 'loaded', detail: `${people} people` };
	}
}
