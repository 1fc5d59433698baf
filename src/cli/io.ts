import type { CodedMessage } from '../lib/core/messages';
import { csvCell } from '../lib/export/csv-write';
import { errorWords, wordsOf, type Locale } from '../lib/words';

/** What a CLI command writes to, so tests can run commands in-process as well as as a child process. */
export interface CliIO {
	stdout(text: string): void;
	stderr(text: string): void;
	/** True when stderr is a terminal (progress lines are shown only then). */
	interactive: boolean;
	/** The language of what core and ingest say (errors, findings, notes): --lang; Indonesian when absent. */
	lang?: Locale;
}

export interface Command {
	name: string;
	/** One line for `tepat --help`. */
	summary(lang: Locale): string;
	/** Usage text for `tepat <name> --help`. */
	usage(lang: Locale): string;
	run(args: string[], io: CliIO): Promise<number>;
}

/**
 * Thrown for wrong arguments: printed with the command's usage, exit code 2. It carries its words
 * for every language, as the arguments are read before anyone knows which one the CLI speaks.
 */
export class UsageError extends Error {
	constructor(readonly words: (lang: Locale) => string) {
		super(words('id'));
	}
}

/** The CLI's language: --lang, Indonesian when absent. */
export const langOf = (io: CliIO): Locale => io.lang ?? 'id';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A thrown value in the CLI's language (a foreign error keeps its own message). */
export const errorIn = (io: CliIO, error: unknown): string => errorWords(error, langOf(io));

/** A finding or note core or ingest gave as a code, in the CLI's language. */
export const saidIn = (io: CliIO, said: CodedMessage): string => wordsOf(said, langOf(io));

/**
 * One line of the CSV the CLI prints (summary, indicators): the cells written by the app's own
 * formula-safe writer (export/csv-write.ts), so a village or kecamatan name from a --reference file
 * that starts with `=`, `+`, `-`, `@`, a tab or a CR gets the same leading apostrophe as in every
 * file Tepat writes. Numbers stay numbers; lines end in LF and carry no BOM, as stdout text.
 */
export function csvLine(values: readonly (string | number)[]): string {
	return values.map((value) => csvCell(value)).join(',');
}

const idNumber = new Intl.NumberFormat('id-ID');
export const formatNumber = (n: number): string => idNumber.format(n);
export const formatSeconds = (ms: number): string =>
	new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(ms / 1000);
