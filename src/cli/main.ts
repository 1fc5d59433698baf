/**
 * The `tepat` command line (run through bin/tepat.js). Commands live in one table; later issues add
 * `indicators` and `plan` beside `summary` and `report`.
 */
import { isLocale, locales, type Locale } from '../lib/paraglide/runtime.js';
import { m } from '../lib/paraglide/messages.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, errorIn, type CliIO, type Command } from './io';
import { takeValue } from './load';
import { indicatorsCommand } from './indicators';
import { planCommand } from './plan';
import { handoverCommand, partnerPackCommand } from './partner';
import { reportCommand } from './report';
import { summaryCommand } from './summary';
import { vervalCommand } from './verval';

export const COMMANDS: readonly Command[] = [
	summaryCommand,
	reportCommand,
	indicatorsCommand,
	planCommand,
	vervalCommand,
	partnerPackCommand,
	handoverCommand
];

export function helpText(lang: Locale = 'id'): string {
	const width = Math.max(...COMMANDS.map((c) => c.name.length));
	const commands = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary(lang)}`).join('\n');
	return m.cli_help({ commands }, { locale: lang });
}

export const processIO: CliIO = {
	stdout: (text) => void process.stdout.write(text),
	stderr: (text) => void process.stderr.write(text),
	interactive: Boolean(process.stderr.isTTY)
};

/** `--lang en` (or `--lang=en`) anywhere in argv: the language, and argv without the option. */
function takeLang(argv: readonly string[]): { lang: Locale; rest: string[] } | { error: string } {
	const rest: string[] = [];
	let lang: string = 'id';
	for (let i = 0; i < argv.length; i++) {
		const taken = argv[i] === '--lang' || argv[i]?.startsWith('--lang=') ? takeValue(argv, i, '--lang') : undefined;
		if (!taken) {
			rest.push(argv[i] ?? '');
			continue;
		}
		lang = taken.value;
		i = taken.last;
	}
	// Which language to speak is not known yet: the default one says so.
	return isLocale(lang) ? { lang, rest } : { error: m.cli_lang_unknown({ lang, locales: locales.join(', ') }, { locale: 'id' }) };
}

export async function main(argv: readonly string[], cliIO: CliIO = processIO): Promise<number> {
	let taken: ReturnType<typeof takeLang>;
	try {
		taken = takeLang(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		taken = { error: error.message };
	}
	if ('error' in taken) {
		cliIO.stderr(`${taken.error}\n\n${helpText()}\n`);
		return EXIT_USAGE;
	}
	const lang = taken.lang;
	const io: CliIO = { ...cliIO, lang };
	const [name, ...args] = taken.rest;
	if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
		io.stdout(`${helpText(lang)}\n`);
		return name === undefined ? EXIT_USAGE : EXIT_OK;
	}
	const command = COMMANDS.find((c) => c.name === name);
	if (!command) {
		io.stderr(`${m.cli_command_unknown({ name }, { locale: lang })}\n\n${helpText(lang)}\n`);
		return EXIT_USAGE;
	}
	if (args.includes('--help') || args.includes('-h')) {
		io.stdout(`${command.usage(lang)}\n`);
		return EXIT_OK;
	}
	try {
		return await command.run(args, io);
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`${error.words(lang)}\n\n${command.usage(lang)}\n`);
			return EXIT_USAGE;
		}
		io.stderr(`${m.cli_failed({ error: errorIn(io, error) }, { locale: lang })}\n`);
		return EXIT_FAILED;
	}
}
