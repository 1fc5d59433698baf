/**
 * The checks every strict reader of a JSON file Tepat exchanges makes (a partner pack, a pledge file):
 * an object with exactly its keys, a list, a short single-line text, a whole count in range. A reader
 * extends this with its own fields and says in `fail` how a refusal is worded (its own message code);
 * every refusal names the field, so a damaged or hand-edited file is refused where it is wrong.
 */
export abstract class StrictJsonReader {
	constructor(readonly file: string) {}

	/** Refuses the file at `field`. */
	abstract fail(field: string): never;

	/** An object holding every key of `required` and no key outside `required` and `optional`. */
	record(value: unknown, field: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(field);
		const o = value as Record<string, unknown>;
		const at = (key: string) => (field ? `${field}.${key}` : key);
		for (const key of Object.keys(o)) if (!required.includes(key) && !optional.includes(key)) this.fail(at(key));
		for (const key of required) if (!(key in o)) this.fail(at(key));
		return o;
	}

	list(value: unknown, field: string): unknown[] {
		if (!Array.isArray(value)) this.fail(field);
		return value;
	}

	/**
	 * A text of at most `max` characters with no control character (no line breaks: it is a name, a code
	 * or a date), matching `pattern` if given. `trim` hands it back trimmed and refuses it empty unless
	 * `required` is false.
	 */
	line(value: unknown, field: string, max: number, options: { pattern?: RegExp; trim?: boolean; required?: boolean } = {}): string {
		// eslint-disable-next-line no-control-regex
		if (typeof value !== 'string' || [...value].length > max || /[\u0000-\u001f\u007f]/.test(value)) this.fail(field);
		if (options.pattern && !options.pattern.test(value)) this.fail(field);
		if (!options.trim) return value;
		const text = value.trim();
		if (options.required !== false && text === '') this.fail(field);
		return text;
	}

	/** A whole number from 0 to `max`; null (or absent) only where `nullable`. */
	whole(value: unknown, field: string, max: number, nullable: boolean): number | null {
		if ((value === null || value === undefined) && nullable) return null;
		if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max) this.fail(field);
		return value;
	}
}
