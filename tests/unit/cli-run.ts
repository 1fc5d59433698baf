/** Runs a `tepat` command in-process and captures what it writes (the child-process path has its own test). */
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';

export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive: false };
	const code = await main(args, io);
	return { code, stdout, stderr };
}
