/**
 * The XLSX parts' XML tokenizer (src/lib/ingest/xlsx/xml.ts) against saxes, the well-formedness-checking
 * SAX parser it replaced: the same events for generated well-formed documents, cut into slices at every
 * size, and a refusal for each kind of damage.
 */
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { XlsxFormatError } from '../../src/lib/ingest/xlsx/errors';
import { xmlStream } from '../../src/lib/ingest/xlsx/xml';

type XmlEvent = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

/** The attributes compared (the generated documents use these). */
const ATTRIBUTE_NAMES = ['r', 's', 't', 'x:id', 'name'];

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Adjacent text events merged: both parsers may split text where they like. */
function merged(events: XmlEvent[]): XmlEvent[] {
	const out: XmlEvent[] = [];
	for (const event of events) {
		const last = out.at(-1);
		if (event[0] === 'text' && last?.[0] === 'text') last[1] += event[1];
		else if (event[0] !== 'text' || event[1] !== '') out.push(event);
	}
	return out;
}

function tokenized(xml: string, sliceLength = xml.length): XmlEvent[] {
	const events: XmlEvent[] = [];
	const stream = xmlStream('test.xml', {
		open(name, attributes) {
			const found: Record<string, string> = {};
			for (const n of ATTRIBUTE_NAMES) {
				const value = attributes.get(n);
				if (value !== undefined) found[n] = value;
			}
			events.push(['open', name, found]);
		},
		close: (name) => void events.push(['close', name]),
		text: (text) => void events.push(['text', text])
	});
	for (let i = 0; i < xml.length; i += Math.max(1, sliceLength)) stream.write(xml.slice(i, i + sliceLength));
	stream.close();
	return merged(events);
}

function bySaxes(xml: string): XmlEvent[] {
	const events: XmlEvent[] = [];
	const parser = new SaxesParser({ xmlns: false, position: false });
	parser.on('opentag', (tag) => {
		const found: Record<string, string> = {};
		for (const [key, value] of Object.entries(tag.attributes)) if (ATTRIBUTE_NAMES.includes(key)) found[key] = value;
		events.push(['open', local(tag.name), found]);
	});
	parser.on('closetag', (tag) => void events.push(['close', local(tag.name)]));
	parser.on('text', (text) => void events.push(['text', text]));
	parser.on('cdata', (text) => void events.push(['text', text]));
	parser.on('error', (error) => {
		throw error;
	});
	parser.write(xml).close();
	return merged(events);
}

/** A small deterministic generator (same documents on every run). */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const TEXTS = ['12', 'Gg. Kenari', 'a &amp; b', '&lt;c&gt;', '&#10;', '&#x41;&#xE9;', 'é ラ 😀', ' ', 'x\r\ny', 'p\rq', 'it\'s "q"', ''];
const ATTRIBUTE_VALUES = ['A1', '1', 'str', 'a &amp; b', 'tab\there', 'line\nbreak', '&#10;', "with 'apostrophe'", '>'];

function document(next: () => number): string {
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
	const element = (depth: number): string => {
		const name = pick(['row', 'c', 'v', 'x:row', 'is', 't', 'sheetData']);
		const attributes = ['r', 's', 't', 'x:id', 'name']
			.filter(() => next() < 0.3)
			.map((a) => {
				const value = pick(ATTRIBUTE_VALUES);
				const quote = value.includes('"') ? "'" : next() < 0.5 ? '"' : "'";
				return ` ${a}${next() < 0.2 ? ' = ' : '='}${quote}${value.replaceAll(quote, quote === '"' ? '&quot;' : '&apos;')}${quote}`;
			})
			.join('');
		if (next() < 0.15) return `<${name}${attributes}${next() < 0.5 ? ' ' : ''}/>`;
		const children = depth > 3 ? [] : Array.from({ length: Math.floor(next() * 4) }, () => content(depth + 1));
		return `<${name}${attributes}>${children.join('')}</${name}${next() < 0.1 ? ' ' : ''}>`;
	};
	const content = (depth: number): string => {
		const r = next();
		if (r < 0.45) return element(depth);
		if (r < 0.8) return pick(TEXTS);
		if (r < 0.9) return `<![CDATA[${pick(['raw <b> & stuff', ']]', 'x'])}]]>`;
		return r < 0.95 ? '<!-- a comment - with dashes -->' : '<?pi data?>';
	};
	return element(0);
}

describe('XLSX XML tokenizer', () => {
	it('gives the events saxes gives for 300 generated well-formed documents, in slices of every size', () => {
		const next = random(42);
		let compared = 0;
		for (let n = 0; n < 300; n++) {
			const xml = `<?xml version="1.0"?><worksheet xmlns:x="urn:x">${Array.from({ length: 3 }, () => document(next)).join('')}</worksheet>`;
			const expected = bySaxes(xml);
			expect(tokenized(xml)).toEqual(expected);
			for (const slice of [1, 2, 3, 7, 64]) expect(tokenized(xml, slice)).toEqual(expected);
			compared++;
		}
		expect(compared).toBe(300);
	});

	it('reads attributes by local name, and only during open()', () => {
		let id: string | undefined;
		let plain: string | undefined;
		const stream = xmlStream('t.xml', {
			open(name, attributes) {
				if (name === 'sheet') {
					id = attributes.local('id');
					plain = attributes.get('id');
				}
			},
			close() {},
			text() {}
		});
		stream.write('<workbook><sheets><sheet name="Data" r:id="rId3"/></sheets></workbook>');
		stream.close();
		expect(id).toBe('rId3');
		expect(plain).toBeUndefined();
	});

	it.each([
		['a crossed close tag', '<a><b></a></b>'],
		['an unclosed element', '<a><b></b>'],
		['a close tag with nothing open', '<a></a></b>'],
		['a second root', '<a/><b/>'],
		['text outside the root', 'x<a/>'],
		['text after the root', '<a/>x'],
		['no root at all', '<?xml version="1.0"?>'],
		['an unquoted attribute', '<a r=1/>'],
		['an attribute without a value', '<a r/>'],
		['attributes run together', '<a r="1"s="2"/>'],
		['an attribute twice', '<a r="1" r="2"/>'],
		['a < in an attribute', '<a r="<"/>'],
		['an unknown entity', '<a>&nbsp;</a>'],
		['a bare &', '<a>fish & chips</a>'],
		['a character reference XML cannot hold', '<a>&#0;</a>'],
		['a control character', '<a>\u0001</a>'],
		['a DOCTYPE', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
		['a tag without a name', '<a>< b/></a>'],
		['a file cut inside a tag', '<a><c r="A'],
		['a stray / in a tag', '<a / b/>']
	])('refuses %s, naming the part', (_, xml) => {
		for (const slice of [xml.length, 1]) {
			const run = () => tokenized(xml, slice);
			expect(run).toThrow(XlsxFormatError);
			expect(run).toThrow(/test\.xml/);
		}
		expect(() => bySaxes(xml)).toThrow();
	});
});
