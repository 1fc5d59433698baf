/**
 * Words at the edge (issue 12 point 3): core, ingest and engine say things to people as a code and
 * parameters (core/messages/); the words live in messages/{id,en}.json and are rendered by
 * src/lib/words/ for the UI (in its language) and the CLI (--lang). This file fails when a sentence
 * for people is written below the edge again, when a code lacks its words in a language, and when the
 * words of a representative error, in Indonesian or English, change.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CodedError, coded } from '../../src/lib/core/messages';
import { parsePlan } from '../../src/lib/core/plan';
import { IngestError } from '../../src/lib/ingest';
import { parseSavedMapping } from '../../src/lib/ingest/mapping';
import { WORDED_CODES, errorWords, wordsOf } from '../../src/lib/words';

const ROOT = new URL('../../', import.meta.url);

/** Words only Indonesian sentences use (the brief's list and a few more); an English or SQL literal has none of them. */
const INDONESIAN = /\b(tidak|berkas|baris|kolom|harus|belum|dengan|yang|atau|bukan|sudah|keluarga|jiwa|dimuat|lembar|dipakai)\b/i;

/**
 * Files whose Indonesian literals are reference data, not words for people.
 * - core/codes/: the register codebooks' official value labels (DTSEN, BDT 2015, P3KE). Ingest matches
 *   them against the labels some exports write instead of numbers; the UI never shows them (it words
 *   canonical values through the `value_*` messages, ui/value-label.ts).
 * - core/sources/columns.ts, ingest/sources.ts: the column headers the register files use
 *   ('ID Keluarga P3KE'), matched against a file's header row.
 * - core/verval/outcomes.ts: the answers field teams write in a verval result file ('Tidak ditemukan',
 *   'Sudah mampu'), matched against the file's status column; the UI words outcomes through messages.
 */
const REFERENCE_DATA = [
	/^src\/lib\/core\/codes\//,
	/^src\/lib\/core\/sources\/columns\.ts$/,
	/^src\/lib\/ingest\/sources\.ts$/,
	/^src\/lib\/core\/verval\/outcomes\.ts$/
];

/**
 * Errors thrown with a literal text below the edge that never reach people, per file: developer
 * assertions about the program's own data (an unknown indicator id, a malformed code table, a column
 * missing from a query's own result, a bad regency code built by the program), which a user cannot
 * cause and which would be a bug to fix, not a message to read. Anything a file, a plan or a user can
 * cause is a CodedError.
 */
const DEVELOPER_ASSERTIONS: Readonly<Record<string, number>> = {
	'src/lib/core/capabilities.ts': 2,
	'src/lib/core/codes/types.ts': 2,
	'src/lib/core/geo/dissolve.ts': 1,
	'src/lib/core/indicators/definitions.ts': 1,
	// An injected random source (tests pass one) that gives the wrong number of bytes: a bug in the caller, never a person's doing.
	'src/lib/core/partner/envelope.ts': 1,
	// Both the partner table and the threshold come from the program: its own query, its own default (a plan's threshold is to be checked with a coded error before it gets here).
	'src/lib/core/partner/suppression.ts': 7,
	'src/lib/core/programs/allocate.ts': 1,
	'src/lib/core/rows.ts': 3,
	'src/lib/core/verval/decisions.ts': 1,
	'src/lib/core/wilayah.ts': 1,
	'src/lib/engine/arrow-ipc.ts': 2,
	// The Parquet worker's protocol: a reply without bytes, a row group asked of a closed stream.
	'src/lib/engine/parquet-browser.ts': 1,
	'src/lib/engine/parquet.worker.ts': 1,
	'src/lib/ingest/duplicates.ts': 1,
	'src/lib/ingest/normalise.ts': 3,
	'src/lib/ingest/regency-change.ts': 1,
	'src/lib/ingest/report-params.ts': 1,
	// DuckDB answers every INSERT with its row count: a reply without one is an engine's bug, not a file's.
	'src/lib/ingest/stage-table.ts': 1
};

function sourceFiles(): string[] {
	const listed = execFileSync('git', ['ls-files', 'src/lib/core/*.ts', 'src/lib/ingest/*.ts', 'src/lib/engine/*.ts'], {
		cwd: ROOT,
		encoding: 'utf8'
	});
	return listed.split('\n').filter((f) => f !== '' && !f.endsWith('.test.ts'));
}

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(new URL(file, ROOT), 'utf8'), ts.ScriptTarget.Latest, true);
}

/** Every piece of literal text in a file: string literals and the literal parts of template strings (SQL included). */
function literals(source: ts.SourceFile): string[] {
	const out: string[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
			out.push(node.text);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return out;
}

/** `new SomethingError('text …')` or with a template: an error whose words are written here (a code like 'sheet' has no space). */
function literalErrors(source: ts.SourceFile): string[] {
	const out: string[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText(source))) {
			const first = node.arguments?.[0];
			if (first && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first)) && /\s/.test(first.getText(source))) {
				out.push(first.getText(source));
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return out;
}

function countsBy(files: readonly string[], count: (source: ts.SourceFile) => number): Record<string, number> {
	const out: Record<string, number> = {};
	for (const file of files) {
		const n = count(parse(file));
		if (n > 0) out[file] = n;
	}
	return out;
}

const messages = (locale: 'id' | 'en'): Record<string, string> =>
	JSON.parse(readFileSync(new URL(`messages/${locale}.json`, ROOT), 'utf8')) as Record<string, string>;

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

describe('words at the edge', () => {
	const files = sourceFiles();

	it('scans the layers below the edge', () => {
		expect(files).toContain('src/lib/core/plan.ts');
		expect(files).toContain('src/lib/ingest/report-sql.ts');
		expect(files).toContain('src/lib/engine/node.ts');
		// The scanner sees an Indonesian sentence in a plain string and in a template's literal part.
		const probe = ts.createSourceFile('probe.ts', "const a = 'x'; const b = `Berkas ${a} tidak ada`;", ts.ScriptTarget.Latest, true);
		expect(literals(probe).filter((t) => INDONESIAN.test(t))).toEqual(['Berkas ', ' tidak ada']);
		expect(literalErrors(ts.createSourceFile('p.ts', 'throw new FooError(`a ${b}`);', ts.ScriptTarget.Latest, true))).toHaveLength(1);
	});

	it('no Indonesian sentence in a string literal or SQL text of core, ingest or engine', () => {
		const scanned = files.filter((f) => !REFERENCE_DATA.some((r) => r.test(f)));
		const found = countsBy(scanned, (source) => literals(source).filter((text) => INDONESIAN.test(text)).length);
		expect(found).toEqual({});
	});

	it('no error thrown with written words in core, ingest or engine, but developer assertions', () => {
		const found = countsBy(files, (source) => literalErrors(source).length);
		expect(found).toEqual(DEVELOPER_ASSERTIONS);
	});

	it('every code has its message in Indonesian and English, with the same parameters', () => {
		const id = messages('id');
		const en = messages('en');
		expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
		for (const key of Object.keys(id)) {
			expect({ key, params: placeholders(en[key] ?? '') }).toEqual({ key, params: placeholders(id[key] ?? '') });
		}
		expect(WORDED_CODES.length).toBeGreaterThan(90);
		// Each code's sentence is the message `said_<area>_<name>`; the one exception reuses the Data screen's words.
		const REUSED = new Set(['boundary.none_matched']);
		for (const code of WORDED_CODES.filter((c) => !REUSED.has(c))) expect(Object.keys(id)).toContain(`said_${code.replace('.', '_')}`);
	});

	it('words a plan refusal in Indonesian and English', () => {
		let refusal: unknown;
		try {
			parsePlan('{"population": {"desil": {"min": 5, "max": 4}}}', 'rencana.json');
		} catch (error) {
			refusal = error;
		}
		expect(refusal).toBeInstanceOf(CodedError);
		expect(errorWords(refusal, 'id')).toBe("Berkas rencana 'rencana.json': population.desil min (5) lebih besar dari max (4).");
		expect(errorWords(refusal, 'en')).toBe("Plan file 'rencana.json': population.desil min (5) is greater than max (4).");
	});

	it('words a load error and a mapping refusal in Indonesian and English', () => {
		const missing = new IngestError(
			coded('ingest.missing_column', { file: 'a.csv', source: 'DTSEN', role: 'flat', header: 'kode_kelurahan_desa' }),
			'a.csv'
		);
		expect(errorWords(missing, 'id')).toBe("Berkas 'a.csv' (DTSEN, berkas gabungan) tidak punya kolom wajib kode_kelurahan_desa.");
		expect(errorWords(missing, 'en')).toBe("File 'a.csv' (DTSEN, combined file) lacks the required column kode_kelurahan_desa.");
		const tooLarge = coded('ingest.too_large', { files: ['a.csv', 'b.csv'], bytes: 1.5 * 1048576, limitBytes: 0 });
		expect(wordsOf(tooLarge, 'id')).toMatch(/^Berkas 'a\.csv' dan 'b\.csv' \(1,5 MB\) terlalu besar untuk memori peramban ini;/);
		expect(wordsOf(tooLarge, 'en')).toMatch(/^File 'a\.csv' and 'b\.csv' \(1\.5 MB\) is too large for this browser's memory;/);
		let refused: unknown;
		try {
			parseSavedMapping('{', 'm.json');
		} catch (error) {
			refused = error;
		}
		expect(errorWords(refused, 'id')).toBe("Berkas pemetaan 'm.json' bukan JSON yang sah.");
		expect(errorWords(refused, 'en')).toBe("Mapping file 'm.json' is not valid JSON.");
	});

	it('a foreign error keeps its own message', () => {
		expect(errorWords(new Error('Out of Memory Error: failed to allocate'), 'en')).toBe('Out of Memory Error: failed to allocate');
		expect(errorWords('plain', 'id')).toBe('plain');
	});
});
