/**
 * The one place a thrown value becomes words for people. Models keep what was thrown; components call
 * this when they render, so the words follow the UI language.
 */
export function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
