import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import { rowsOf } from '../../src/lib/core/rows';
import { IngestError, bytesByteSource, ingestRegister, loadReference } from '../../src/lib/ingest';
import { MappingFileError, choicesOf, emptyMapping, parseSavedMapping, type SavedMapping } from '../../src/lib/ingest/mapping';
import { TINY_REFERENCE } from '../fixtures/ingest';
import { inIndonesian, inIndonesianAsync } from './in-indonesian';

const FILE = 'dtsen-verval-baru.csv';
const bytes = async () => new Uint8Array(await readFile(fileURLToPath(new URL(`../fixtures/mapping/${FILE}`, import.meta.url))));

/** The fixture's intended mapping: this year's verval column and the floor-area column Tepat cannot guess. */
const FIX: SavedMapping = {
	...emptyMapping('dtsen'),
	household: { verval_status: 'hasil_verval_2026', floor_area: 'Luas Lantai (m2)' }
};

async function households(engine: NodeEngine) {
	const table = await engine.query('SELECT household_id, verval_status, floor_area, alamat FROM household ORDER BY household_id');
	return rowsOf(table, { household_id: 'string', verval_status: 'string?', floor_area: 'number?', alamat: 'string?' });
}

async function unknownCodes(engine: NodeEngine) {
	const table = await engine.query(
		'SELECT table_name, field, source_column, raw_value, rows::INTEGER AS rows FROM ingest_unknown_code ORDER BY 1, 2'
	);
	return rowsOf(table, { table_name: 'string', field: 'string', source_column: 'string', raw_value: 'string', rows: 'number' });
}

describe('column mapping', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
		await loadReference(engine, TINY_REFERENCE);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('guesses from headers: the stale verval column is used and its labels are unknown; floor area is unmapped', async () => {
		const result = await ingestRegister(engine, [bytesByteSource(FILE, await bytes())], TINY_REFERENCE, {
			asOf: '2026-01-01'
		});
		const hh = result.mapping!.household;
		expect(hh.file).toBe(FILE);
		expect(hh.role).toBe('flat');
		expect(hh.headers).toContain('Luas Lantai (m2)');
		expect(hh.fields.find((f) => f.field === 'verval_status')).toEqual({
			field: 'verval_status',
			header: 'status_verval',
			origin: 'guessed',
			required: false
		});
		expect(hh.fields.find((f) => f.field === 'floor_area')).toEqual({
			field: 'floor_area',
			header: null,
			origin: 'none',
			required: false
		});
		expect(hh.fields.find((f) => f.field === 'key')).toMatchObject({ header: 'nomor_kartu_keluarga', required: true });
		// Each field once, even where the spec lists it twice.
		expect(new Set(hh.fields.map((f) => f.field)).size).toBe(hh.fields.length);
		expect(await households(engine)).toEqual([
			{ household_id: '6402060101150001', verval_status: 'unknown', floor_area: null, alamat: 'Jl. Mawar 3' },
			{ household_id: '6402062201160002', verval_status: 'unknown', floor_area: null, alamat: 'RT 04' },
			{ household_id: '6402120101170003', verval_status: 'unknown', floor_area: null, alamat: 'Dusun Hulu' }
		]);
		expect(await unknownCodes(engine)).toEqual([
			{ table_name: 'household', field: 'verval_status', source_column: 'status_verval', raw_value: 'Prelist 2025', rows: 3 },
			{ table_name: 'person', field: 'verval_status', source_column: 'status_verval', raw_value: 'Prelist 2025', rows: 4 }
		]);
	});

	it('applies the user’s choices: the right columns feed the fields, the report no longer counts them', async () => {
		const result = await ingestRegister(engine, [bytesByteSource(FILE, await bytes())], TINY_REFERENCE, {
			asOf: '2026-01-01',
			mappings: { dtsen: FIX, bdt: { ...emptyMapping('bdt'), household: { alamat: null } } }
		});
		const hh = result.mapping!.household;
		expect(hh.fields.find((f) => f.field === 'verval_status')).toEqual({
			field: 'verval_status',
			header: 'hasil_verval_2026',
			origin: 'chosen',
			required: false
		});
		expect(hh.fields.find((f) => f.field === 'floor_area')?.origin).toBe('chosen');
		// The person side was not overruled, so it still uses the guess.
		expect(result.mapping!.person.fields.find((f) => f.field === 'verval_status')?.header).toBe('status_verval');
		expect(result.mapping!.ignored).toEqual([]);
		// Another source's mapping (bdt) is not applied to a DTSEN file: alamat stays.
		expect(await households(engine)).toEqual([
			{ household_id: '6402060101150001', verval_status: 'found', floor_area: 36, alamat: 'Jl. Mawar 3' },
			{ household_id: '6402062201160002', verval_status: 'moved', floor_area: 12.5, alamat: 'RT 04' },
			{ household_id: '6402120101170003', verval_status: 'deceased', floor_area: null, alamat: 'Dusun Hulu' }
		]);
		expect(await unknownCodes(engine)).toEqual([
			{ table_name: 'person', field: 'verval_status', source_column: 'status_verval', raw_value: 'Prelist 2025', rows: 4 }
		]);
	});

	it('unmaps a field chosen as null and reports a chosen header the file lacks without failing', async () => {
		const mapping: SavedMapping = {
			...emptyMapping('dtsen'),
			household: { alamat: null, desil: 'desil_provinsi' }
		};
		const result = await ingestRegister(engine, [bytesByteSource(FILE, await bytes())], TINY_REFERENCE, {
			asOf: '2026-01-01',
			mappings: { dtsen: mapping }
		});
		expect(result.mapping!.ignored).toEqual([{ side: 'household', field: 'desil', header: 'desil_provinsi' }]);
		const desil = result.mapping!.household.fields.find((f) => f.field === 'desil');
		expect(desil).toMatchObject({ header: 'desil_nasional', origin: 'guessed' });
		expect((await households(engine)).map((h) => h.alamat)).toEqual([null, null, null]);
	});

	it('refuses a mapping that leaves a required field without a column, and keeps the loaded register', async () => {
		const before = await households(engine);
		const mapping: SavedMapping = { ...emptyMapping('dtsen'), household: { key: null } };
		const load = ingestRegister(engine, [bytesByteSource(FILE, await bytes())], TINY_REFERENCE, {
			mappings: { dtsen: mapping }
		});
		await expect(load).rejects.toBeInstanceOf(IngestError);
		await expect(inIndonesianAsync(load)).rejects.toThrow(
			`Berkas '${FILE}' (DTSEN, berkas gabungan) pemetaan kolom yang dipilih tidak memberi kolom untuk nomor_kartu_keluarga, padahal wajib.`
		);
		expect(await households(engine)).toEqual(before);
	});

	it('matches a chosen header loosely (case and punctuation) like the guesses do', async () => {
		const mapping: SavedMapping = { ...emptyMapping('dtsen'), household: { floor_area: 'luas lantai m2' } };
		const result = await ingestRegister(engine, [bytesByteSource(FILE, await bytes())], TINY_REFERENCE, {
			mappings: { dtsen: mapping }
		});
		expect(result.mapping!.household.fields.find((f) => f.field === 'floor_area')?.header).toBe('Luas Lantai (m2)');
	});
});

describe('mapping files', () => {
	it('round-trips through JSON', () => {
		expect(parseSavedMapping(JSON.stringify(FIX), 'pemetaan.json')).toEqual(FIX);
	});

	it.each([
		['{', "Berkas pemetaan 'm.json' bukan JSON yang sah."],
		['{"format":"x"}', `Berkas 'm.json' bukan berkas pemetaan kolom Tepat (format "tepat-column-mapping").`],
		[
			'{"format":"tepat-column-mapping","version":9,"source":"dtsen"}',
			"Berkas pemetaan 'm.json' versi 9 tidak dikenal; versi yang didukung: 1."
		],
		[
			'{"format":"tepat-column-mapping","version":1,"source":"sikd"}',
			`Berkas pemetaan 'm.json': sumber "sikd" tidak dikenal (dtsen, bdt atau p3ke).`
		],
		[
			'{"format":"tepat-column-mapping","version":1,"source":"bdt","household":{"warna":"x"}}',
			`Berkas pemetaan 'm.json': kolom tujuan "warna" di bagian "household" tidak dikenal untuk sumber DTKS/BDT.`
		],
		[
			'{"format":"tepat-column-mapping","version":1,"source":"dtsen","person":{"name":3}}',
			`Berkas pemetaan 'm.json': "person.name" harus berupa nama kolom (teks) atau null.`
		]
	])('refuses %s with a clear message', (text, message) => {
		expect(() => parseSavedMapping(text, 'm.json')).toThrow(MappingFileError);
		expect(inIndonesian(() => parseSavedMapping(text, 'm.json'))).toThrow(message);
	});

	it('choicesOf keeps earlier choices and adds the draft edits, and nothing that was only guessed', () => {
		const used = {
			file: 'f.csv',
			role: 'flat' as const,
			headers: ['a', 'b'],
			fields: [
				{ field: 'alamat', header: 'a', origin: 'guessed' as const, required: false },
				{ field: 'desil', header: 'b', origin: 'chosen' as const, required: false },
				{ field: 'floor_area', header: null, origin: 'chosen' as const, required: false }
			]
		};
		expect(choicesOf(used, { alamat: 'b' })).toEqual({ desil: 'b', floor_area: null, alamat: 'b' });
	});
});
