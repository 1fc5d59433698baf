// @vitest-environment runes
/**
 * Issue 13 point 2 through the app's state: importing a round of field results into the Verval model
 * changes the Map's figures without the register changing (its version stays), a same-round conflict
 * leaves the register's status until the user decides it (with a reason), and clearing the fieldwork
 * returns every figure to the register's own statuses. DuckDB in Node, the hand-made indicator register
 * (tests/fixtures/indicators.ts), every expected figure worked out by hand below.
 */
import { flushSync } from 'svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import { registerChecksum } from '../../src/lib/queries/allocation';
import { V1, loadIndicatorFixture } from '../fixtures/indicators';

const stub = vi.hoisted(() => ({ engine: null as unknown }));

vi.mock('../../src/lib/state/RegisterModel.svelte', () => ({
	register: { info: { name: 'fixture' }, version: 1, busy: false, engine: async () => stub.engine }
}));
vi.mock('../../src/lib/state/database', () => ({ getEngine: async () => stub.engine }));
vi.mock('../../src/lib/state/RegionModel.svelte', () => ({
	region: { kabupaten: { kode: '64.02', nama: 'Kutai Kartanegara' } }
}));

const { indicators } = await import('../../src/lib/state/IndicatorModel.svelte');
const { verval } = await import('../../src/lib/state/VervalModel.svelte');
const { queries } = await import('../../src/lib/state/query');

const LOAD_TIMEOUT = 30_000;

let engine: NodeEngine;
let stop: () => void = () => {};

beforeAll(async () => {
	engine = await NodeEngine.open();
	await loadIndicatorFixture(engine);
	stub.engine = engine;
	await verval.restore();
	stop = $effect.root(() => {
		indicators.activate();
		verval.activate();
	});
});

afterAll(async () => {
	stop();
	// A job may still be running on the engine (stopping drops only those waiting): closing DuckDB under a
	// running query can take the test process down. One more job runs after it, so waiting for it is enough.
	await queries.submit({ priority: 'background', run: async () => undefined });
	await engine.close();
});

const csv = (name: string, rows: string[]) =>
	new File([['ID anggota,Status keberadaan,Tanggal kunjungan,Nama petugas', ...rows].join('\n')], name, { type: 'text/csv' });

/** The V1 figure of an indicator once the figures answer the register and fieldwork as they are now. */
async function v1(indicator: 'ats' | 'rtlh'): Promise<{ count: number; denominator: number } | undefined> {
	flushSync();
	await vi.waitFor(() => expect(indicators.current && !indicators.loading).toBe(true), { timeout: LOAD_TIMEOUT });
	const figure = indicators.villages.find((v) => v.kode === V1)?.figures[indicator];
	return figure && { count: figure.count, denominator: figure.denominator };
}

describe('the Verval model and the figures', () => {
	it('reads the register until a round is in, then the verified set, without the register changing', async () => {
		expect(verval.source).toBe('register');
		expect(await v1('ats')).toEqual({ count: 3, denominator: 6 });
		expect(await v1('rtlh')).toEqual({ count: 2, denominator: 4 });
		const checksum = await registerChecksum(engine);

		// Every member of H2 moved away: H2 and its children leave the verified set.
		const ok = await verval.importFiles([
			csv('putaran-1.csv', ['P5,Pindah,01/11/2026,Ani', 'P6,Pindah,01/11/2026,Ani', 'P7,Pindah,01/11/2026,Ani', 'P8,Pindah,01/11/2026,Ani'])
		]);
		expect(ok).toBe(true);
		expect(verval.source).toBe('field');
		expect(verval.meta.rounds).toEqual([{ round: 1, files: [expect.objectContaining({ name: 'putaran-1.csv', rows: 4, unreadRows: 0 })] }]);
		// ATS: P2 of P2, P3, P9; RTLH: H4 of H1, H3, H4.
		expect(await v1('ats')).toEqual({ count: 1, denominator: 3 });
		expect(await v1('rtlh')).toEqual({ count: 1, denominator: 3 });
		// The register's tables are untouched: its checksum is the register's.
		expect(await registerChecksum(engine)).toBe(checksum);
	});

	it('keeps a same-round conflict at the register status until it is decided with a reason', async () => {
		await verval.importFiles([csv('putaran-2.csv', ['P2,Ditemukan,08/11/2026,Budi', 'P2,Meninggal dunia,08/11/2026,Citra'])]);
		expect(verval.nextRound).toBe(3);
		expect(await v1('ats')).toEqual({ count: 1, denominator: 3 });
		await vi.waitFor(
			() =>
				expect(verval.view?.conflicts.map((c) => [c.person_id, c.round, c.reports.map((r) => r.outcome)])).toEqual([
					['P2', 2, ['deceased', 'found']]
				]),
			{
				timeout: LOAD_TIMEOUT
			}
		);

		// No reason: refused, nothing changes.
		expect(await verval.decide('P2', 2, 'deceased', '  ')).toBe(false);
		expect(verval.error).toMatchObject({ said: { code: 'verval.decision_reason_missing' } });
		expect(await v1('ats')).toEqual({ count: 1, denominator: 3 });

		expect(await verval.decide('P2', 2, 'deceased', 'Akta kematian diperlihatkan kepala desa')).toBe(true);
		// P2 leaves: ATS 0 of P3, P9.
		expect(await v1('ats')).toEqual({ count: 0, denominator: 2 });
		await vi.waitFor(() => expect(verval.view?.conflicts).toEqual([]), { timeout: LOAD_TIMEOUT });
		const k1 = verval.view?.kecamatan.find((k) => k.kecamatan_kode === '64.02.01');
		// P5–P8 moved, P2 deceased (by decision); everyone else in K1 unchecked.
		expect(k1).toMatchObject({ people_checked: 5, moved: 4, deceased: 1, conflicts: 0, last_round: 2 });
	});

	it('returns to the register statuses when the fieldwork is cleared', async () => {
		await verval.clear();
		expect(verval.source).toBe('register');
		expect(verval.meta.rounds).toEqual([]);
		expect(await v1('ats')).toEqual({ count: 3, denominator: 6 });
	});
});
