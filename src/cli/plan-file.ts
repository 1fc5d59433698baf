/** Reading a plan file for the CLI: the defaults without one, a PlanFileError naming the file otherwise. */
import { readFile } from 'node:fs/promises';
import { defaultPlan, parsePlan, PlanFileError, type Plan } from '../lib/core/plan';

export async function readPlan(path: string | undefined): Promise<Plan> {
	if (!path) return defaultPlan();
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch {
		throw new PlanFileError(`Berkas rencana '${path}' tidak ditemukan.`, path);
	}
	return parsePlan(text, path);
}
