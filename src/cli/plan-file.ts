/** Reading a plan file for the CLI: the defaults without one, a PlanFileError naming the file otherwise. */
import { readFile, stat } from 'node:fs/promises';
import { checkPlanSize, defaultPlan, parsePlan, PlanFileError, type Plan } from '../lib/core/plan';
import { coded } from '../lib/core/messages';
import { errorIn, type CliIO } from './io';

export async function readPlan(path: string | undefined): Promise<Plan> {
	if (!path) return defaultPlan();
	let text: string;
	try {
		const { size } = await stat(path);
		checkPlanSize(size, path);
		text = await readFile(path, 'utf8');
	} catch (error) {
		if (error instanceof PlanFileError) throw error;
		throw new PlanFileError(coded('plan.not_found', { file: path }), path);
	}
	return parsePlan(text, path);
}

/** The plan, or null after printing why the file was refused (the command then exits with EXIT_FAILED). */
export async function readPlanOrReport(path: string | undefined, io: CliIO): Promise<Plan | null> {
	try {
		return await readPlan(path);
	} catch (error) {
		if (!(error instanceof PlanFileError)) throw error;
		io.stderr(`${errorIn(io, error)}\n`);
		return null;
	}
}
