/**
 * The other way round from reading: a canonical value as a source writes it, for files that go back to
 * the people who keep the source (the verified register). A value is written as its code list's first
 * code number, or its first label where the list has no number (DTSEN 'mampu', every BDT verval
 * status); a value the list does not name stays as it is.
 */
import type { AnyCodedField } from '../schema';
import type { CodeRows, CodeTable } from './types';

/** Canonical value → the source's own code or label, for one coded field of one code table. */
export function writtenCodes(table: CodeTable, field: AnyCodedField): Readonly<Record<string, string>> {
	const rows = (table.fields[field] ?? []) as CodeRows<AnyCodedField>;
	const out: Record<string, string> = {};
	for (const [codes, value, ...labels] of rows) {
		if (Object.hasOwn(out, value)) continue;
		const code = (typeof codes === 'string' ? [codes] : codes).find((c) => c.trim() !== '');
		const written = code ?? labels.find((l) => l.trim() !== '');
		if (written !== undefined) out[value] = written;
	}
	return out;
}
