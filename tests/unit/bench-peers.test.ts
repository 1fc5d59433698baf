/**
 * The peer benchmark's tools (bench/peers) answer the workload exactly as Tepat's own SQL does, on a
 * generated register of about 2,000 people: village totals and the funded PIP list. No timings here;
 * `npm run bench -- --peers` times them.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reference } from '../../src/lib/core/reference';
import { NodeEngine } from '../../src/lib/engine/node';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { writeSample } from '../../src/lib/sample/write';
import { PEERS } from '../../bench/peers';
import { tepatAnswer, writeRegisterFiles } from '../../bench/peers/reference';
import { budgetFor, firstDifference, workload, type RegisterFiles, type WorkloadAnswer } from '../../bench/peers/workload';

const PEOPLE = 2_000;

describe('bench peers agree with Tepat’s SQL', () => {
	let work: string;
	let files: RegisterFiles;
	let expected: WorkloadAnswer;
	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'tepat-peers-'));
		await writeSample(work, { people: PEOPLE, seed: 3, formats: ['parquet'], schemas: ['dtsen'] });
		const reference = JSON.parse(await readFile('data/reference.json', 'utf8')) as Reference;
		const engine = await NodeEngine.open();
		try {
			await loadReference(engine, reference);
			await ingestRegister(engine, [await fileByteSource(join(work, 'dtsen.parquet'))], reference);
			files = await writeRegisterFiles(engine, work);
			expected = await tepatAnswer(engine, budgetFor(PEOPLE));
		} finally {
			await engine.close();
		}
	}, 120_000);
	afterAll(async () => {
		if (work) await rm(work, { recursive: true, force: true });
	});

	it('the reference is not trivial', () => {
		const sum = (key: 'households' | 'people' | 'ats' | 'rtlh_roof') => expected.villages.reduce((n, v) => n + v[key], 0);
		expect(sum('people')).toBe(PEOPLE);
		expect(sum('ats')).toBeGreaterThan(0);
		expect(sum('rtlh_roof')).toBeGreaterThan(0);
		// The budget cuts the queue: some candidates are left unfunded.
		expect(expected.funded).toHaveLength(budgetFor(PEOPLE));
	});

	it.each(PEERS.map((p) => [p.id, p] as const))('%s gives the same village totals and funded list', async (_id, peer) => {
		const loaded = await peer.load(files);
		try {
			const answer = await loaded.compute(workload(budgetFor(PEOPLE)));
			expect(firstDifference(expected, answer)).toBeUndefined();
		} finally {
			await loaded.release();
		}
	});

	it('a disagreement is reported with its first difference', () => {
		const villages = expected.villages.map((v, i) => (i === 3 ? { ...v, ats: v.ats + 1 } : v));
		expect(firstDifference(expected, { ...expected, villages })).toMatch(/^village row 3 .* ats: expected/);
		expect(firstDifference(expected, { ...expected, funded: expected.funded.slice(1) })).toMatch(/^funded list position 1:/);
	});
});
