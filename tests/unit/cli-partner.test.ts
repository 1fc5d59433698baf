/**
 * Issue 16 point 5: `tepat partner-pack` and `tepat handover` give what the app's code gives on the
 * same register and plan; the handover list holds exactly the pledged units, locked, with its BAST.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSPHRASE_ENV } from '../../src/cli/partner';
import { decryptEnvelope } from '../../src/lib/core/partner/envelope';
import { parsePack } from '../../src/lib/core/partner/pack-file';
import { importPledges, seenIn, serialisePledgeFile, type PledgeFile } from '../../src/lib/core/partner/pledge';
import { parsePlan, type Plan } from '../../src/lib/core/plan';
import { rowsOf } from '../../src/lib/core/rows';
import { sha256Hex } from '../../src/lib/core/sha256';
import { parseBastLog } from '../../src/lib/export/bast-log';
import { runAllocation } from '../../src/lib/queries/allocation';
import { generatedDtsen, generatedRegisterEngine } from '../fixtures/capabilities';
import { budgetedPlan } from '../fixtures/plans';
import { runCli } from './cli-run';

const PEOPLE = 4000;
const SEED = 23;
const PASSPHRASE = 'sandi serah terima 2027';
let dir: string;
let registerPath: string;
let planPath: string;
let plan: Plan;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'tepat-cli-partner-'));
	registerPath = join(dir, 'dtsen.csv');
	planPath = join(dir, 'rencana.json');
	await writeFile(registerPath, generatedDtsen(PEOPLE, SEED).csv);
	plan = budgetedPlan();
	await writeFile(planPath, JSON.stringify(plan));
});

afterAll(async () => {
	delete process.env[PASSPHRASE_ENV];
	await rm(dir, { recursive: true, force: true });
});

async function packFile(): Promise<{ path: string; text: string }> {
	const path = join(dir, 'paket.tepat');
	const { code, stderr } = await runCli(['partner-pack', '--register', registerPath, '--plan', planPath, '--out', path]);
	expect(stderr).toContain('Paket mitra ditulis ke');
	expect(code).toBe(0);
	return { path, text: await readFile(path, 'utf8') };
}

describe('tepat partner-pack', () => {
	it("writes the app's pack of the same register and plan, with Kukar's village map, and no person's identifier", async () => {
		const { text } = await packFile();
		const pack = parsePack(text, 'paket.tepat');
		expect(pack.boundaries?.features.length).toBe(237);
		expect(pack.attribution).toContain('MIT');
		expect(pack.villages.length).toBe(237);

		const engine = await generatedRegisterEngine(PEOPLE, SEED);
		try {
			const inProcess = parsePlan(JSON.stringify(plan), 'rencana.json');
			await runAllocation(engine, inProcess);
			const unmet = rowsOf(
				await engine.query(
					"SELECT village_kode, count(*)::INTEGER AS n FROM allocation WHERE programme = 'paket' AND status <> 'excluded' AND funding_line IS NULL GROUP BY 1"
				),
				{ village_kode: 'string', n: 'number' }
			);
			// Every published figure is the allocation's own count (hidden ones are null, checked in partner-pack.test.ts).
			for (const { village_kode, n } of unmet) {
				const units = pack.villages.find((v) => v.kode === village_kode)?.need.paket?.units;
				if (units !== null) expect(units).toBe(n);
			}
			const niks = rowsOf(await engine.query('SELECT DISTINCT nik FROM person WHERE nik IS NOT NULL'), { nik: 'string' });
			expect(niks.length).toBeGreaterThan(1000);
			expect(niks.filter(({ nik }) => text.includes(nik))).toEqual([]);
		} finally {
			await engine.close();
		}
	});
});

describe('tepat handover', () => {
	async function pledgeFileFor(text: string): Promise<{ file: PledgeFile; path: string }> {
		const pack = parsePack(text, 'paket.tepat');
		const village = pack.villages.find((v) => (v.need.paket?.units ?? 0) >= 8);
		if (!village) throw new Error('the fixture has no village with 8 unfunded Paket units');
		const file: PledgeFile = {
			format: 'tepat-pledge',
			version: 1,
			createdAt: '2026-12-05T09:00:00.000Z',
			firm: 'PT Sawit Contoh',
			contact: 'csr@sawit.contoh',
			pack: { checksum: await sha256Hex(new TextEncoder().encode(text)), title: pack.plan.title, register: pack.register.checksum },
			pledges: [
				{
					id: 'A1',
					programme: 'paket',
					villages: [village.kode],
					units: 6,
					rupiah: null,
					year: 2027,
					...seenIn(pack, 'paket', [village.kode])
				}
			]
		};
		const path = join(dir, 'janji.json');
		await writeFile(path, serialisePledgeFile(file));
		return { file, path };
	}

	it('locks exactly the units the pledge funds, by name, and writes the BAST with the locked file checksum', async () => {
		const { text } = await packFile();
		const { file, path: pledgePath } = await pledgeFileFor(text);
		const out = join(dir, 'daftar.enc');

		delete process.env[PASSPHRASE_ENV];
		const refused = await runCli(['handover', '--register', registerPath, '--plan', planPath, '--pledge', pledgePath, '--out', out]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain(PASSPHRASE_ENV);
		const unknown = await runCli([
			'handover',
			'--register',
			registerPath,
			'--plan',
			planPath,
			'--pledge',
			pledgePath,
			'--out',
			out,
			'--pledge-id',
			'Z9'
		]);
		expect(unknown.stderr).toContain("Janji 'Z9' tidak ada");

		process.env[PASSPHRASE_ENV] = PASSPHRASE;
		const { code, stderr } = await runCli([
			'handover',
			'--register',
			registerPath,
			'--plan',
			planPath,
			'--pledge',
			pledgePath,
			'--out',
			out,
			'--officer',
			'Siti Aminah',
			'--position',
			'Kepala Bidang Linjamsos'
		]);
		expect(stderr).toContain('Daftar 6 unit untuk PT Sawit Contoh');
		expect(code).toBe(0);

		const bytes = new Uint8Array(await readFile(out));
		const [record] = parseBastLog(await readFile(`${out}.bast.csv`, 'utf8'));
		expect(record).toMatchObject({ units: 6, firm: 'PT Sawit Contoh', pledgeId: 'A1', programme: 'paket', fileName: 'daftar.enc' });
		expect(record?.officerName).toBe('Siti Aminah');
		expect(record?.fileSha256).toBe(await sha256Hex(bytes));

		const opened = await decryptEnvelope(bytes, PASSPHRASE);
		expect(opened.header.meta.bast).toMatchObject({ units: 6, pledgeId: 'A1' });
		const csv = new TextDecoder().decode(opened.plain);
		const lines = csv.trim().split(/\r?\n/).slice(1);
		expect(lines.length).toBe(6);

		// The same pledge accepted in-process: the unit ids its line funds are the list's, and no other.
		const engine = await generatedRegisterEngine(PEOPLE, SEED);
		try {
			const accepted = importPledges(parsePlan(JSON.stringify(plan), 'rencana.json'), file).plan;
			await runAllocation(engine, accepted);
			const funded = rowsOf(
				await engine.query(
					"SELECT p.nik FROM allocation a JOIN person p ON p.person_id = a.unit_id WHERE a.funding_line = 'csr-pt-sawit-contoh-a1'"
				),
				{ nik: 'string?' }
			);
			expect(funded.length).toBe(6);
			for (const { nik } of funded) expect(csv).toContain(nik ?? 'no NIK');
		} finally {
			await engine.close();
		}

		await expect(decryptEnvelope(bytes, 'sandi yang salah sekali')).rejects.toThrow();
		const changed = bytes.slice();
		changed[changed.length - 3] = (changed[changed.length - 3] ?? 0) ^ 1;
		await expect(decryptEnvelope(changed, PASSPHRASE)).rejects.toThrow();
	}, 60_000);
});
