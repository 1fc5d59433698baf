/** What a CLI command writes to, so tests can run commands in-process as well as as a child process. */
export interface CliIO {
	stdout(text: string): void;
	stderr(text: string): void;
	/** True when stderr is a terminal (progress lines are shown only then). */
	interactive: boolean;
}

export interface Command {
	name: string;
	/** One line for `tepat --help`. */
	summary: string;
	/** Usage text for `tepat <name> --help`. */
	usage: string;
	run(args: string[], io: CliIO): Promise<number>;
}

/** Thrown for wrong arguments: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** One CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number)[]): string {
	return values.map(csvField).join(',');
}

const idNumber = new Intl.NumberFormat('id-ID');
export const formatNumber = (n: number): string => idNumber.format(n);
export const formatSeconds = (ms: number): string =>
	new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(ms / 1000);
