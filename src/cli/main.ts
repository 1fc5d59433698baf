/**
 * The `tepat` command line (run through bin/tepat.js). Commands live in one table; later issues add
 * `indicators` and `plan` beside `summary` and `report`.
 */
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, type CliIO, type Command } from './io';
import { indicatorsCommand } from './indicators';
import { planCommand } from './plan';
import { reportCommand } from './report';
import { summaryCommand } from './summary';
import { vervalCommand } from './verval';

export const COMMANDS: readonly Command[] = [summaryCommand, reportCommand, indicatorsCommand, planCommand, vervalCommand];

export function helpText(): string {
	const width = Math.max(...COMMANDS.map((c) => c.name.length));
	return [
		'Tepat: register kemiskinan (DTSEN/DTKS) → rencana program, dari baris perintah.',
		'',
		'Pemakaian: tepat <perintah> [argumen]',
		'',
		'Perintah:',
		...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
		'',
		'tepat <perintah> --help menampilkan rincian perintah.'
	].join('\n');
}

export const processIO: CliIO = {
	stdout: (text) => void process.stdout.write(text),
	stderr: (text) => void process.stderr.write(text),
	interactive: Boolean(process.stderr.isTTY)
};

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
	const [name, ...args] = argv;
	if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
		io.stdout(`${helpText()}\n`);
		return name === undefined ? EXIT_USAGE : EXIT_OK;
	}
	const command = COMMANDS.find((c) => c.name === name);
	if (!command) {
		io.stderr(`Perintah tidak dikenal: ${name}\n\n${helpText()}\n`);
		return EXIT_USAGE;
	}
	if (args.includes('--help') || args.includes('-h')) {
		io.stdout(`${command.usage}\n`);
		return EXIT_OK;
	}
	try {
		return await command.run(args, io);
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`${error.message}\n\n${command.usage}\n`);
			return EXIT_USAGE;
		}
		io.stderr(`Gagal: ${error instanceof Error ? error.message : String(error)}\n`);
		return EXIT_FAILED;
	}
}
