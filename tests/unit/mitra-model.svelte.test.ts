/**
 * The Mitra screen's model (state/MitraModel.svelte.ts) importing pledge files into the app's plan:
 * each file is taken whole or refused whole (the plan as it was), a firm's file imported again replaces
 * its lines, a file made against another register is taken with a warning, a pledge line is removed,
 * and a handover whose BAST number is already in the log is refused before any work. The allocation
 * is a stand-in holding only the register checksum: nothing here reads DuckDB.
 */
import { describe, expect, it, vi } from 'vitest';
import { CodedError } from '../../src/lib/core/messages';
import { serialisePledgeFile, type PledgeFile } from '../../src/lib/core/partner/pledge';
import { defaultPlan } from '../../src/lib/core/plan';
import type { BastRecord } from '../../src/lib/core/partner/bast-record';

const exporting = vi.hoisted(() => vi.fn());

vi.mock('../../src/lib/state/AllocationModel.svelte', () => ({
	allocation: { key: '', checksum: 'register-1', loading: false, error: null, activate() {}, readOf() {}, exporting }
}));
vi.mock('../../src/lib/state/BoundaryModel.svelte', () => ({ boundaries: {}, BOUNDARY_SOURCE: '' }));
vi.mock('../../src/lib/state/VervalModel.svelte', () => ({ verval: { status: null } }));
vi.mock('../../src/lib/state/RegionModel.svelte', () => ({ region: { kabupaten: { kode: '64.02', nama: 'Kutai Kartanegara' } } }));
vi.mock('../../src/lib/state/database', () => ({ getEngine: async () => null }));
vi.mock('../../src/lib/state/RegisterModel.svelte', () => ({ register: { info: null, version: 0, busy: false } }));

const { mitra } = await import('../../src/lib/state/MitraModel.svelte');
const { plan } = await import('../../src/lib/state/PlanModel.svelte');

const V1 = '64.02.06.2001';

function pledgeFile(register = 'register-1'): PledgeFile {
	return {
		format: 'tepat-pledge',
		version: 1,
		createdAt: '2026-12-01T08:00:00.000Z',
		firm: 'PT Contoh Jaya',
		contact: 'csr@contoh.example',
		pack: { checksum: 'a'.repeat(64), title: 'Rencana 2027', register },
		pledges: [
			{ id: 'P1', programme: 'water', villages: [V1], units: 4, rupiah: null, year: 2027, seen: { units: 9, rupiah: null }, unseen: [] }
		]
	};
}

const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

describe('the Mitra model', () => {
	it('imports one file and refuses another whole, naming its file and field; the plan keeps only the first', async () => {
		plan.replace(defaultPlan());
		const before = plan.current.fundingLines.length;
		const broken = JSON.parse(serialisePledgeFile(pledgeFile())) as { pledges: { units: number }[] };
		if (broken.pledges[0]) broken.pledges[0].units = -4;
		await mitra.importFiles([
			file('janji-contoh.json', serialisePledgeFile(pledgeFile())),
			file('janji-rusak.json', JSON.stringify(broken))
		]);

		const [ok, refused] = mitra.imports;
		expect(ok).toMatchObject({
			ok: true,
			file: 'janji-contoh.json',
			firm: 'PT Contoh Jaya',
			added: ['csr-pt-contoh-jaya-p1'],
			replaced: 0,
			warnings: []
		});
		expect(refused?.ok).toBe(false);
		const error = refused && !refused.ok ? refused.error : null;
		expect(error).toBeInstanceOf(CodedError);
		expect((error as CodedError).said).toEqual({
			code: 'partner.pledge_field',
			params: { file: 'janji-rusak.json', field: 'pledges[0].units' }
		});

		expect(plan.current.fundingLines).toHaveLength(before + 1);
		expect(plan.current.fundingLines.at(-1)).toMatchObject({
			id: 'csr-pt-contoh-jaya-p1',
			kind: 'CSR',
			units: { water: 4 },
			villages: [V1],
			pledge: { id: 'P1', firm: 'PT Contoh Jaya', pack: 'a'.repeat(64), seen: { units: 9, rupiah: null } }
		});
	});

	it('replaces a firm\u2019s lines when its file comes again, and warns when the file names another register', async () => {
		const before = plan.current.fundingLines.length;
		await mitra.importFiles([file('janji-contoh-2.json', serialisePledgeFile(pledgeFile('register-lama')))]);
		expect(mitra.imports[0]).toMatchObject({ ok: true, replaced: 1, warnings: ['register'] });
		expect(plan.current.fundingLines).toHaveLength(before);
	});

	it('removes a pledge line, and leaves a line typed into the plan', () => {
		const before = plan.current.fundingLines.length;
		mitra.removeLine('csr-pt-contoh-jaya-p1');
		expect(plan.current.fundingLines).toHaveLength(before - 1);
		const typed = plan.current.fundingLines[0]?.id ?? '';
		mitra.removeLine(typed);
		expect(plan.current.fundingLines).toHaveLength(before - 1);
	});

	it('refuses a handover whose BAST number is in the log before reading or encrypting anything', async () => {
		await mitra.importFiles([file('janji-contoh.json', serialisePledgeFile(pledgeFile()))]);
		const logged: BastRecord = {
			number: '001/BAST/2027',
			handedOverAt: '2027-03-01T10:00:00+08:00',
			programme: 'water',
			pledgeId: 'P0',
			units: 1,
			fileName: 'serah-terima-lama.enc',
			fileSha256: 'a'.repeat(64),
			firm: 'PT Lama',
			recipientName: 'Rina',
			recipientContact: '0812',
			officerName: 'Budi',
			officerPosition: 'Kepala Bidang'
		};
		// The log is the plan's: a handover recorded earlier (another session, an opened plan file).
		plan.update((draft) => {
			draft.handovers = [logged];
		});
		const record = await mitra.handover({
			line: 'csr-pt-contoh-jaya-p1',
			passphrase: 'frasa sandi panjang',
			number: ' 001/BAST/2027 ',
			recipientName: 'Rina',
			recipientContact: '0812',
			officerName: 'Budi',
			officerPosition: 'Kepala Bidang'
		});
		expect(record).toBeNull();
		expect((mitra.handoverError as CodedError).said).toEqual({ code: 'partner.bast_number_taken', params: { number: '001/BAST/2027' } });
		expect(exporting).not.toHaveBeenCalled();
		expect(mitra.bastLog).toEqual([logged]);
	});
});
