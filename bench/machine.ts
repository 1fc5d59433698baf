import { execFileSync } from 'node:child_process';
import { cpus, totalmem, platform, release } from 'node:os';

/** What the numbers were measured on; written beside every result. */
export function describeMachine(chromiumPath?: string): string {
	const cpu = cpus();
	const lines = [
		`CPU: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
		`Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
		`OS: ${platform()} ${release()}`,
		`Node: ${process.version}`
	];
	if (chromiumPath) {
		try {
			lines.push(`Browser: ${execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim()}`);
		} catch {
			lines.push('Browser: unknown');
		}
	}
	return lines.join('\n');
}
