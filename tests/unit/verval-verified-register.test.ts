/**
 * Issue 13 point 5: the verified register written back in the source's own columns. The DTSEN fixture
 * (tests/fixtures/ingest/dtsen-flat.csv, 10 people) gets two rounds of results; every status below is
 * worked out by hand from the fixture's status_verval column and the results. The register's tables
 * must come out unchanged.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createTableSql } from '../../src/lib/core/catalog';
import { resolveHouseholdStatements, resolvePersonStatements } from '../../src/lib/core/verval/resolve';
import { NodeEngine } from '../../src/lib/engine/node';
import { verifiedRegisterCsv } from '../../src/lib/export/verified-register';
import { bytesByteSource, ingestRegister, loadReference } from '../../src/lib/ingest';
import { emptyMapping, type SavedMapping } from '../../src/lib/ingest/mapping';
import { importResultFile } from '../../src/lib/ingest/verval-results';
import { registerChecksum } from '../../src/lib/queries/allocation';
import { verifiedRegister, verifiedRegisterColumns, type VerifiedRegister } from '../../src/lib/queries/verified-register';
import { TINY_REFERENCE, fixture } from '../fixtures/ingest';

const text = (s: string) => new TextEncoder().encode(s);

const ROUND_1 = ['NIK,Status,Tanggal', '6402060101800001,Ditemukan,03/11/2026', '6402064502850002,Meninggal dunia,04/11/2026'].join('\n');
const ROUND_2 = ['NIK,Status,Tanggal', '6402120101700006,Pindah,26/11/2026', '6402124101720007,Mampu,26/11/2026'].join('\n');

let engine: NodeEngine | undefined;
afterEach(async () => {
	await engine?.close();
	engine = undefined;
});

async function load(name: string, bytes: Uint8Array, mapping?: SavedMapping) {
	engine = await NodeEngine.open();
	await loadReference(engine, TINY_REFERENCE);
	const result = await ingestRegister(engine, [bytesByteSource(name, bytes)], TINY_REFERENCE, {
		mappings: mapping ? { [mapping.source]: mapping } : undefined
	});
	await engine.exec(createTableSql('verval_decision'));
	return { engine, result };
}

async function resolveRounds(e: NodeEngine, rounds: readonly string[]): Promise<void> {
	for (const [i, csv] of rounds.entries()) await importResultFile(e, bytesByteSource(`r${i + 1}.csv`, text(csv)), { round: i + 1 });
	for (const s of [...resolvePersonStatements(), ...resolveHouseholdStatements()]) await e.exec(s);
}

/** The register's rows by one column: header → cell. */
function byColumn(register: VerifiedRegister, key: string): Map<string, Record<string, string | number | null>> {
	const at = register.headers.indexOf(key);
	return new Map(register.rows.map((row) => [String(row[at]), Object.fromEntries(register.headers.map((h, i) => [h, row[i] ?? null]))]));
}

describe('the verified register', () => {
	it('writes each DTSEN person once, the resolved status as the DTSEN code, the register unchanged', async () => {
		const { engine: e, result } = await load('dtsen-flat.csv', new Uint8Array(await readFile(fixture('dtsen-flat.csv'))));
		const before = await registerChecksum(e);
		await resolveRounds(e, [ROUND_1, ROUND_2]);
		const register = await verifiedRegister(e, result.mapping);
		expect(await registerChecksum(e)).toBe(before);

		// The fixture's own headers, each once (the flat file's KK and status_verval feed both sides).
		expect(register.headers.slice(0, 5)).toEqual([
			'nomor_kartu_keluarga',
			'kode_provinsi',
			'kode_kabupaten_kota',
			'kode_kecamatan',
			'kode_kelurahan_desa'
		]);
		expect(register.headers.filter((h) => h === 'status_verval')).toHaveLength(1);
		expect(register.headers.slice(-4)).toEqual(['status_verval_tepat', 'dasar_status', 'putaran', 'tanggal_kunjungan']);

		const people = byColumn(register, 'nomor_induk_kependudukan');
		expect(register.rows).toHaveLength(10);
		expect(people.size).toBe(10);
		const status = (nik: string) => {
			const p = people.get(nik);
			return [p?.status_verval, p?.status_verval_tepat, p?.dasar_status, p?.putaran, p?.tanggal_kunjungan];
		};
		// Results: Ahmad found (1), Nur Aini deceased (3), Bujang moved (2), Inah well-off ('mampu': no DTSEN code).
		expect(status('6402060101800001')).toEqual(['1', 'found', 'result', 1, '2026-11-03']);
		expect(status('6402064502850002')).toEqual(['3', 'deceased', 'result', 1, '2026-11-04']);
		expect(status('6402120101700006')).toEqual(['2', 'moved', 'result', 2, '2026-11-26']);
		expect(status('6402124101720007')).toEqual(['mampu', 'well_off', 'result', 2, '2026-11-26']);
		// Unchecked: the register's own status, in its code ('Ditemukan' → 1, 'Meninggal' → 3, 'Pindah' → 2, empty).
		expect(status('6402061003120003')).toEqual(['1', 'found', 'unchecked', null, null]);
		expect(status('6402120505080008')).toEqual(['3', 'deceased', 'unchecked', null, null]);
		expect(status('6402062010900010')).toEqual(['2', 'moved', 'unchecked', null, null]);
		expect(status('6402061206750004')).toEqual([null, null, 'unchecked', null, null]);

		// The other columns in the source's style: ten-digit village code, codes for coded fields.
		const ahmad = people.get('6402060101800001');
		expect(ahmad).toMatchObject({
			nomor_kartu_keluarga: '6402060101150001',
			kode_provinsi: '64',
			kode_kabupaten_kota: '02',
			kode_kecamatan: '06',
			kode_kelurahan_desa: '6402061001',
			nama_kelurahan_desa: 'Jahab',
			jenis_kelamin: '1',
			status_hubungan_keluarga: '1',
			jenis_lantai_terluas: '8',
			tanggal_lahir: '1980-01-01'
		});
		// Siti Rahmah's file row wrote labels ('P', 'Kepala Keluarga'): they come back as the DTSEN codes.
		expect(people.get('6402061206750004')).toMatchObject({ jenis_kelamin: '2', status_hubungan_keluarga: '1' });

		const csv = verifiedRegisterCsv(register);
		expect(csv.split('\r\n')[1]).toMatch(/^6402060101150001,64,02,06,6402061001,Jahab,"Jl\. Mawar No\. 3, RT 02",/);
		expect(csv.trimEnd().split('\r\n')).toHaveLength(11);
	});

	it("uses the headers of the user's file when the load used a column mapping", async () => {
		const original = await readFile(fixture('dtsen-flat.csv'), 'utf8');
		const renamed = original.replace('status_verval', 'Hasil Verval 2026').replace('nama,', 'Nama Lengkap,');
		const mapping = emptyMapping('dtsen');
		mapping.household = { verval_status: 'Hasil Verval 2026' };
		mapping.person = { verval_status: 'Hasil Verval 2026', name: 'Nama Lengkap' };
		const { engine: e, result } = await load('dtsen-renamed.csv', text(renamed), mapping);
		await resolveRounds(e, [ROUND_1]);
		const register = await verifiedRegister(e, result.mapping);
		expect(register.headers).toContain('Hasil Verval 2026');
		expect(register.headers).toContain('Nama Lengkap');
		expect(register.headers).not.toContain('status_verval');
		const people = byColumn(register, 'nomor_induk_kependudukan');
		expect(people.get('6402064502850002')).toMatchObject({ 'Hasil Verval 2026': '3', 'Nama Lengkap': 'Nur Aini' });
	});

	it('writes BDT statuses back as the labels BDT uses (it has no numbers) and BDT ids under IDBDT/IDARTBDT', async () => {
		const { engine: e, result } = await load('bdt-flat-semicolon.csv', new Uint8Array(await readFile(fixture('bdt-flat-semicolon.csv'))));
		const before = await registerChecksum(e);
		await resolveRounds(e, [['IDARTBDT,Hasil', 'BDT001-1,Ditemukan', 'BDT003-2,Sudah mampu'].join('\n')]);
		const register = await verifiedRegister(e, result.mapping);
		expect(await registerChecksum(e)).toBe(before);
		expect(register.source).toBe('bdt');
		expect(register.headers.slice(0, 6)).toEqual(['IDBDT', 'KDPROP', 'KDKAB', 'KDKEC', 'KDDESA', 'NMDESA']);
		const people = byColumn(register, 'IDARTBDT');
		expect(people.size).toBe(register.rows.length);
		expect(people.get('BDT001-1')).toMatchObject({ IDBDT: 'BDT001', KDDESA: '1001', Status_verval: 'ditemukan', dasar_status: 'result' });
		// Unchecked, the register's 'Tidak Ditemukan' in BDT's own label.
		expect(people.get('BDT001-2')).toMatchObject({ Status_verval: 'tidak ditemukan', dasar_status: 'unchecked' });
		expect(people.get('BDT003-2')).toMatchObject({ Status_verval: 'mampu', status_verval_tepat: 'well_off' });
		expect(people.get('BDT003-1')).toMatchObject({ Status_verval: null, dasar_status: 'unchecked' });
	});

	it('without a mapping, writes the standard headers of the source', () => {
		const headers = verifiedRegisterColumns('p3ke').map((c) => c.header);
		expect(headers.slice(0, 2)).toEqual(['ID Keluarga P3KE', 'kode_provinsi']);
		expect(headers).toContain('NIK');
		expect(headers.filter((h) => h === 'NIK')).toHaveLength(1);
		expect(headers).toContain('status_verval');
	});
});
