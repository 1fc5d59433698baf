/** `--accept-rejected`: a load that would leave out more than 1 % of its rows stops, unless the user accepts it. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../fixtures/capabilities';
import { unclosedQuote } from '../fixtures/damage';
import { runCli } from './cli-run';

describe('tepat summary on a file with a damaged row among ten', () => {
	it('stops with the count and the first row, and loads with --accept-rejected', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'tepat-accept-'));
		const file = join(dir, 'rusak.csv');
		// Row 3 is Rizky Fauzi's, the third member of the first family (dtsen-flat.csv: 4 families, 10 people). Its
		// quoted address holds a comma, so the name is the 26th piece of the line split at commas, the 25th column.
		await writeFile(file, unclosedQuote(await fixtureText('dtsen-flat.csv'), 3, 25));
		const refused = await runCli(['summary', file, '--lang', 'en']);
		expect(refused.code).toBe(1);
		expect(refused.stdout).toBe('');
		expect(refused.stderr).toContain(
			"Loading 'rusak.csv' stopped: 1 of 10 rows (10 %) would be rejected, more than 1 %. The first: File 'rusak.csv', data row 3, column nama: a quote"
		);
		expect(refused.stderr).toContain('run the command again with --accept-rejected.');
		const accepted = await runCli(['summary', file, '--accept-rejected']);
		expect(accepted.code).toBe(0);
		expect(accepted.stderr).toMatch(/4 keluarga, 9 jiwa/);
		const report = await runCli(['report', file]);
		expect(report.code).toBe(0);
		expect(report.stdout).toContain(
			'Ditolak: 1 baris (kunci keluarga kosong 0, anggota tanpa keluarga 0, baris kosong 0, baris ganda 0, baris rusak 1)\n'
		);
	});
});
