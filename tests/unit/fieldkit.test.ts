/**
 * Issue 17 point 3, the field kit's files: a kit holds only its village's records and only the
 * fields the visit form needs; its sealed results fail on any changed byte; and they import as a
 * verval round with exactly the statuses the officer entered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KitFileError, readKit, rtOf, serialiseKit, type FieldKit } from '../../src/lib/core/fieldkit/kit';
import {
	RESULTS_FORMAT,
	RESULTS_VERSION,
	kitChecksum,
	openResults,
	sealResults,
	type KitResults
} from '../../src/lib/core/fieldkit/results';
import { rowsOf } from '../../src/lib/core/rows';
import type { NodeEngine } from '../../src/lib/engine/node';
import { importFieldResults } from '../../src/lib/ingest/field-results';
import { fieldKit } from '../../src/lib/queries/fieldkit';
import { errorWords } from '../../src/lib/words';
import { generatedRegisterEngine } from '../fixtures/capabilities';

const HOUSEHOLD_KEYS = ['address', 'head', 'id', 'kk', 'people', 'rt'];
const PERSON_KEYS = ['age', 'id', 'name', 'nik', 'relation'];

describe('field kit', () => {
	let engine: NodeEngine;
	let village: string;
	let kit: FieldKit;
	let kitText: string;

	beforeAll(async () => {
		engine = await generatedRegisterEngine(3000, 11);
		const [busiest] = rowsOf(await engine.query('SELECT village_kode FROM household GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1'), {
			village_kode: 'string'
		});
		village = busiest?.village_kode ?? '';
		const made = await fieldKit(engine, { village, basis: 'register', officer: 'Rina (Puskesos)', createdAt: '2026-12-05T08:00:00Z' });
		if (!made) throw new Error('no kit');
		kit = made;
		kitText = serialiseKit(kit);
	});
	afterAll(async () => {
		await engine.close();
	});

	it("holds exactly the village's people, and only the form's fields", async () => {
		const expected = rowsOf(
			await engine.query(
				`SELECT p.person_id FROM person p JOIN household h USING (household_id) WHERE h.village_kode = '${village}' ORDER BY 1`
			),
			{ person_id: 'string' }
		).map((r) => r.person_id);
		expect(expected.length).toBeGreaterThan(5);
		expect(kit.households.flatMap((h) => h.people.map((p) => p.id)).sort()).toEqual(expected);
		for (const household of kit.households) {
			expect(Object.keys(household).sort()).toEqual(HOUSEHOLD_KEYS);
			for (const person of household.people) expect(Object.keys(person).sort()).toEqual(PERSON_KEYS);
		}
		expect(Object.keys(kit).sort()).toEqual(['basis', 'createdAt', 'format', 'households', 'officer', 'register', 'version', 'village']);
		expect(kit.village.kode).toBe(village);
	});

	it('reads back as written, and refuses a damaged kit naming the field', () => {
		expect(readKit(kitText, 'paket.json')).toEqual(kit);
		const damaged = kitText.replace(/"age":(\d+)/, '"age":"$1"');
		const error = (() => {
			try {
				readKit(damaged, 'paket.json');
			} catch (e) {
				return e;
			}
			return null;
		})();
		expect(error).toBeInstanceOf(KitFileError);
		expect(errorWords(error, 'id')).toMatch(
			/^Paket lapangan 'paket\.json' tidak sah pada households\[\d+\]\.people\[\d+\]\.age; minta paket baru dari Dinsos\.$/
		);
	});

	it('reads the RT from an address as written in the register', () => {
		expect(rtOf('RT 020 Dusun Sumber Rejo')).toBe('020');
		expect(rtOf('Jl. Mawar Rt.3/Rw.1')).toBe('3');
		expect(rtOf('RT:05')).toBe('05');
		expect(rtOf('Jalan Pertiwi')).toBeNull();
	});

	async function resultsOfKit(): Promise<{ results: KitResults; sealed: string }> {
		const [first, second] = kit.households;
		if (!first || !second) throw new Error('kit too small');
		const [a, b] = first.people;
		const [c] = second.people;
		if (!a || !b || !c) throw new Error('households too small');
		const results: KitResults = {
			format: RESULTS_FORMAT,
			version: RESULTS_VERSION,
			kit: await kitChecksum(kitText),
			register: kit.register,
			village,
			officer: kit.officer,
			savedAt: '2026-12-06T10:00:00Z',
			entries: [
				{ household: first.id, person: a.id, status: 'found', name: null, nik: null, notes: '', at: '2026-12-06T09:00:00Z' },
				{
					household: first.id,
					person: b.id,
					status: 'deceased',
					name: null,
					nik: null,
					notes: 'Wafat, "Maret" 2026',
					at: '2026-12-06T09:05:00Z'
				},
				{
					household: second.id,
					person: c.id,
					status: 'moved',
					name: null,
					nik: null,
					notes: 'Pindah ke Samarinda',
					at: '2026-12-06T09:30:00Z'
				},
				{
					household: second.id,
					person: null,
					status: 'new_member',
					name: 'Bayi Laki-laki',
					nik: '6402069912260001',
					notes: 'lahir 2026',
					at: '2026-12-06T09:31:00Z'
				}
			]
		};
		return { results, sealed: await sealResults(results) };
	}

	it('sealed results open as sealed, and fail on every changed byte', async () => {
		const { results, sealed } = await resultsOfKit();
		expect(await openResults(sealed, 'hasil.json', { text: kitText, kit })).toEqual(results);
		const bytes = new TextEncoder().encode(sealed);
		let refused = 0;
		for (let i = 0; i < bytes.length; i++) {
			const changed = bytes.slice();
			changed[i] = changed[i] === 0x30 ? 0x31 : 0x30;
			const error = await openResults(new TextDecoder().decode(changed), 'hasil.json').catch((e: unknown) => e);
			expect(error, `byte ${i}`).toBeInstanceOf(KitFileError);
			refused++;
		}
		expect(refused).toBe(bytes.length);
		const error = await openResults(sealed.replace(/"notes":"Pindah/, '"notes":"Pindoh'), 'hasil.json').catch((e: unknown) => e);
		expect(errorWords(error, 'id')).toBe(
			"Berkas hasil 'hasil.json' telah berubah sejak disimpan petugas: cek-sumnya tidak cocok lagi. Minta petugas mengekspor hasilnya sekali lagi."
		);
	});

	it("refuses results of another kit, or naming someone the kit doesn't hold", async () => {
		const { results, sealed } = await resultsOfKit();
		const other = serialiseKit({ ...kit, officer: 'Budi' });
		const error = await openResults(sealed, 'hasil.json', { text: other, kit }).catch((e: unknown) => e);
		expect(errorWords(error, 'id')).toBe("Berkas hasil 'hasil.json' dibuat dari paket lapangan yang lain, bukan dari paket ini.");
		const stranger = await sealResults({ ...results, entries: [{ ...results.entries[0]!, person: 'BUKAN-DI-PAKET' }] });
		const strangerError = await openResults(stranger, 'hasil.json', { text: kitText, kit }).catch((e: unknown) => e);
		expect(errorWords(strangerError, 'id')).toBe("Berkas hasil 'hasil.json' tidak sah pada entries[0].person.");
	});

	it('imports as a verval round with exactly the statuses entered', async () => {
		const { results } = await resultsOfKit();
		const imported = await importFieldResults(engine, 'hasil-lapangan.json', results, 1);
		expect(imported.rows).toBe(4);
		expect(imported.unreadAnswers).toEqual([]);
		const rows = rowsOf(
			await engine.query(
				"SELECT record_id, nik, outcome, strftime(visit_date, '%Y-%m-%d') AS visit_date, officer, notes, name FROM verval_result WHERE round = 1 ORDER BY source_row"
			),
			{
				record_id: 'string?',
				nik: 'string?',
				outcome: 'string',
				visit_date: 'string',
				officer: 'string',
				notes: 'string?',
				name: 'string?'
			}
		);
		expect(rows).toEqual(
			results.entries.map((e) => ({
				record_id: e.person,
				nik: e.nik,
				outcome: e.status,
				visit_date: '2026-12-06',
				officer: 'Rina (Puskesos)',
				notes: e.notes === '' ? null : e.notes,
				name: e.name
			}))
		);
	});
});
