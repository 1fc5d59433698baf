/**
 * Issue 13 point 1: reading a verval result file as field teams write it: the status answers (codes,
 * labels, free text), the columns of a spreadsheet or a Google Forms export, and visit dates in either
 * day order.
 */
import { describe, expect, it } from 'vitest';
import { AmbiguousDatesError, readColumnDates } from '../../src/lib/core/verval/dates';
import { OUTCOME_EFFECT, OUTCOMES, recogniseOutcome } from '../../src/lib/core/verval/outcomes';
import { resultColumns } from '../../src/lib/core/verval/result-fields';

describe('status answers', () => {
	it.each([
		['1', 'found'],
		['01', 'found'],
		['2', 'moved'],
		['3', 'deceased'],
		['4', 'not_found'],
		['Ditemukan', 'found'],
		['Ditemukan / Valid', 'found'],
		['DTSEN AKTIF', 'found'],
		['Tinggal bersama keluarga', 'found'],
		['TIDAK DITEMUKAN', 'not_found'],
		['Tidak ditemukan, rumah kosong', 'not_found'],
		['Meninggal dunia tahun 2025', 'deceased'],
		['DTSEN AKTIF - ASESMEN MENINGGAL', 'deceased'],
		['Pindah ke Samarinda', 'moved'],
		['Pindah ke luar negeri', 'moved'],
		['Mampu', 'well_off'],
		['Sudah mampu (punya mobil)', 'well_off'],
		['Tidak layak', 'well_off'],
		['Di luar kabupaten', 'out_of_regency'],
		['Bukan warga Kukar', 'out_of_regency'],
		['Anggota baru', 'new_member'],
		['Usulan baru', 'new_member']
	])('%s → %s', (answer, outcome) => {
		expect(recogniseOutcome(answer)).toBe(outcome);
	});

	it.each(['', '   ', '5', 'Tidak mampu', 'entah', 'ditemukanlah', 'pindahan'])('%j is not read as any outcome', (answer) => {
		expect(recogniseOutcome(answer)).toBeNull();
	});

	it('gives every outcome an effect on the verified set', () => {
		expect(OUTCOMES.map((o) => [o, OUTCOME_EFFECT[o]])).toEqual([
			['found', 'keep'],
			['not_found', 'leave'],
			['deceased', 'leave'],
			['moved', 'leave'],
			['well_off', 'remove_proposed'],
			['out_of_regency', 'leave'],
			['new_member', 'proposal']
		]);
	});
});

describe('result file columns', () => {
	it('reads short spreadsheet headers', () => {
		const found = resultColumns(['NIK', 'Nama', 'Status', 'Tanggal', 'Petugas', 'Keterangan', 'Desa']);
		expect(found.fields).toEqual({
			nik: 'NIK',
			name: 'Nama',
			status: 'Status',
			date: 'Tanggal',
			officer: 'Petugas',
			notes: 'Keterangan',
			village: 'Desa'
		});
		expect(found.missing).toEqual([]);
	});

	it('reads a Google Forms export by its question labels', () => {
		const headers = [
			'Timestamp',
			'Email Address',
			'Nama Petugas Verifikasi',
			'Desa/Kelurahan',
			'NIK anggota keluarga yang dikunjungi',
			'Nama anggota keluarga',
			'Tanggal lahir',
			'Status keberadaan anggota keluarga',
			'Keterangan status (jika ada)',
			'Tanggal kunjungan'
		];
		const found = resultColumns(headers);
		expect(found.fields).toEqual({
			timestamp: 'Timestamp',
			officer: 'Email Address',
			village: 'Desa/Kelurahan',
			nik: 'NIK anggota keluarga yang dikunjungi',
			name: 'Nama anggota keluarga',
			status: 'Status keberadaan anggota keluarga',
			notes: 'Keterangan status (jika ada)',
			date: 'Tanggal kunjungan'
		});
		// The officer's name after their e-mail is a second officer column; the birth date is not read.
		expect(found.repeated).toEqual([{ header: 'Nama Petugas Verifikasi', field: 'officer' }]);
		expect(found.unread).toEqual(['Tanggal lahir']);
	});

	it('reads an Indonesian-locale Google Forms timestamp and a record id', () => {
		const found = resultColumns(['Cap waktu', 'IDARTBDT', 'Hasil verifikasi']);
		expect(found.fields).toEqual({ timestamp: 'Cap waktu', record_id: 'IDARTBDT', status: 'Hasil verifikasi' });
		expect(found.missing).toEqual([]);
	});

	it('names what is missing: who, and what was found', () => {
		expect(resultColumns(['Nama', 'Tanggal']).missing).toEqual([['nik', 'record_id'], ['status']]);
	});

	it('lets a saved choice win and a null choice leave a column unused', () => {
		const found = resultColumns(['NIK', 'Kolom 7', 'Status'], { status: 'Kolom 7', nik: null });
		expect(found.fields).toEqual({ status: 'Kolom 7' });
		expect(found.unread).toEqual(['NIK']);
		expect(found.repeated).toEqual([{ header: 'Status', field: 'status' }]);
		expect(found.missing).toEqual([['nik', 'record_id']]);
	});
});

describe('visit dates', () => {
	it('reads day-first Indonesian dates, proved by a day above 12', () => {
		const read = readColumnDates(['03/11/2026', '25/11/2026', '2026-11-30', '']);
		expect(read.order).toBe('dmy');
		expect(read.basis).toBe('proved');
		expect(Object.fromEntries(read.dates)).toEqual({
			'03/11/2026': '2026-11-03',
			'25/11/2026': '2026-11-25',
			'2026-11-30': '2026-11-30'
		});
	});

	it('reads an English Google Forms timestamp month-first, with its time', () => {
		const read = readColumnDates(['11/3/2026 10:15:22', '11/4/2026 8:01:00'], true);
		expect(read).toMatchObject({ order: 'mdy', basis: 'default' });
		expect([...read.dates.values()]).toEqual(['2026-11-03', '2026-11-04']);
	});

	it('lets a value prove month-first even in an Indonesian column', () => {
		const read = readColumnDates(['11/3/2026', '11/25/2026']);
		expect(read).toMatchObject({ order: 'mdy', basis: 'proved' });
		expect(read.dates.get('11/3/2026')).toBe('2026-11-03');
	});

	it('reads Indonesian time separators, two-digit years and Excel serial days', () => {
		const read = readColumnDates(['3-11-26 10.15.22', '46329']);
		expect(Object.fromEntries(read.dates)).toEqual({ '3-11-26 10.15.22': '2026-11-03', '46329': '2026-11-03' });
	});

	it('lists what is not a real day', () => {
		expect(readColumnDates(['31/02/2026', 'kemarin', '2026-13-01']).unreadable).toEqual(['31/02/2026', 'kemarin', '2026-13-01']);
	});

	it('refuses a column that proves both orders', () => {
		expect(() => readColumnDates(['25/11/2026', '11/25/2026'])).toThrow(AmbiguousDatesError);
	});
});
