import { describe, expect, it } from 'vitest';
import { sideFields } from '../../src/lib/ingest/mapping';
import { fieldLabel } from '../../src/lib/ui/field-label';

describe('fieldLabel', () => {
	it('names every field any source can map, in words rather than the field id', () => {
		for (const source of ['dtsen', 'bdt', 'p3ke'] as const) {
			for (const side of ['household', 'person'] as const) {
				for (const { field } of sideFields(source, side)) expect(fieldLabel(field), field).not.toBe(field);
			}
		}
	});
});
