/**
 * The mapping target: a saved column mapping (`pemetaan-kolom-*.json`), damaged (prototype-pollution
 * keys, deep nesting, huge text, wrong types, broken JSON) and read as the Data screen and the CLI's
 * `--mapping` read it: a mapping, or a MappingFileError naming the file; Object.prototype untouched.
 */
import { MAPPING_FORMAT, MAPPING_VERSION, MappingFileError, parseSavedMapping } from '../../src/lib/ingest/mapping';
import { errorWords } from '../../src/lib/words';
import { flipBytes, truncateAt, utf8 } from './bytes';
import type { Random } from './random';
import type { Damage, FuzzInput, Outcome } from './types';

const seed = () => ({
	format: MAPPING_FORMAT,
	version: MAPPING_VERSION,
	source: 'dtsen',
	household: { kk: 'No KK', desil: 'Desil' } as Record<string, unknown>,
	person: { nik: 'NIK', name: null } as Record<string, unknown>
});

const file = (text: string | Uint8Array) => ({ name: 'pemetaan-rusak.json', bytes: typeof text === 'string' ? utf8(text) : text });

export const MAPPING_DAMAGES: Damage[] = [
	{ name: 'intact', expect: 'either', make: () => file(JSON.stringify(seed())) },
	{
		name: 'prototype-key',
		expect: 'either',
		make: (r: Random) => {
			const key = r.pick(['__proto__', 'constructor', 'prototype']);
			const text = JSON.stringify(seed()).replace('"household":{', `"household":{"${key}":{"polluted":true},`);
			return file(r.next() < 0.5 ? text : text.replace('{"format"', `{"${key}":{"polluted":true},"format"`));
		}
	},
	{
		name: 'deep-nesting',
		expect: 'refused',
		make: (r) => file(JSON.stringify(seed()).replace('"NIK"', '['.repeat(r.pick([1000, 100_000]))))
	},
	{
		name: 'huge-header',
		expect: 'either',
		make: (r) => file(JSON.stringify({ ...seed(), person: { nik: 'N'.repeat(r.pick([300, 1_048_576])) } }))
	},
	{
		name: 'wrong-type',
		expect: 'either',
		make: (r) =>
			file(
				JSON.stringify({ ...seed(), [r.pick(['source', 'version', 'household', 'person'])]: r.pick<unknown>([null, 1, 'x', [], {}, true]) })
			)
	},
	{ name: 'truncated', expect: 'either', make: (r) => file(truncateAt(utf8(JSON.stringify(seed())), r)) },
	{ name: 'flipped-bytes', expect: 'either', make: (r) => file(flipBytes(utf8(JSON.stringify(seed())), r)) }
];

export function runMapping(input: FuzzInput): Omit<Outcome, 'input' | 'ms'> {
	try {
		const mapping = parseSavedMapping(new TextDecoder().decode(input.bytes), input.name);
		if ('polluted' in Object.prototype) return { verdict: 'silently-wrong', detail: 'prototype polluted' };
		if (input.expect === 'refused') return { verdict: 'silently-wrong', detail: 'accepted a mapping that must be refused' };
		return { verdict: 'loaded', detail: mapping.source };
	} catch (error) {
		if (!(error instanceof MappingFileError)) return { verdict: 'crashed', detail: String(error instanceof Error ? error.stack : error) };
		const words = errorWords(error, 'id');
		return { verdict: words.includes(input.name) ? 'refused' : 'unclear', detail: words };
	}
}
