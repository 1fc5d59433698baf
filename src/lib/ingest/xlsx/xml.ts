/**
 * A streaming XML tokenizer for the XLSX parts, fed one inflated slice of text at a time, with element
 * names reduced to their local part: most writers use the default namespace (<row>), some a prefix
 * (<x:row>), and the reader only cares about SpreadsheetML names.
 *
 * Written for the worksheet's shape (millions of small tags): text and tags are found with indexOf,
 * attributes land in two reused arrays, so a cell costs no objects. It still refuses what is not
 * well-formed XML, because a damaged part must stop the load rather than shift cells: unbalanced or
 * crossed tags, a second root, text outside the root, unquoted or '<'-holding attribute values, unknown
 * entities, characters XML cannot hold, DOCTYPE (SpreadsheetML has none, and it is where entity tricks
 * live). Comments, processing instructions and CDATA are read as XML reads them.
 */
import type { ByteSource } from '../types';
import { entryText, type EntryTextOptions } from './entry-text';
import { coded } from '../../core/messages';
import { XlsxFormatError } from './errors';
import type { ZipEntry } from './zip';

/** A tag's attributes, valid only during the open() call that receives them. */
export interface XmlAttributes {
	/** By the name as written. */
	get(name: string): string | undefined;
	/** By local name: r:id and its strict-OOXML twin alike. */
	local(name: string): string | undefined;
}

export interface XmlHandlers {
	open(name: string, attributes: XmlAttributes): void;
	close(name: string): void;
	/** Character data (entities decoded), in as many pieces as the tokenizer likes. */
	text(text: string): void;
}

export interface XmlStream {
	write(text: string): void;
	close(): void;
}

export const localName = (name: string) => {
	const colon = name.indexOf(':');
	return colon < 0 ? name : name.slice(colon + 1);
};

/** The characters XML's syntax turns on, as char codes (the same as bytes in UTF-8). */
export const CHAR = {
	LT: 60,
	GT: 62,
	SLASH: 47,
	QUESTION: 63,
	BANG: 33,
	EQUALS: 61,
	QUOTE: 34,
	APOSTROPHE: 39,
	AMPERSAND: 38,
	CR: 13
} as const;
const { LT, GT, SLASH, QUESTION, BANG, EQUALS, QUOTE, APOSTROPHE, AMPERSAND } = CHAR;

export const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;
/** Letters, digits and . - _ : and anything beyond ASCII (XML's name characters, loosely). */
export const isNameChar = (code: number) =>
	(code >= 97 && code <= 122) ||
	(code >= 65 && code <= 90) ||
	(code >= 48 && code <= 58) ||
	code === 95 ||
	code === 45 ||
	code === 46 ||
	code >= 128;
export const isNameStart = (code: number) => isNameChar(code) && !(code >= 48 && code <= 57) && code !== 45 && code !== 46;

/** A character XML 1.0 cannot hold, even escaped: NUL, C0 controls but tab and line ends, U+FFFE/FFFF. */
export const isNotXmlChar = (code: number) => (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffe || code === 0xffff;

export function holdsNotXmlChar(text: string): boolean {
	for (let k = 0; k < text.length; k++) if (isNotXmlChar(text.charCodeAt(k))) return true;
	return false;
}
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const isXmlCodePoint = (n: number) =>
	n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

/** XML's references in `raw` read: the five named entities and character references; `fail` refuses any other. */
export function decodeEntities(raw: string, fail: (detail: string) => never): string {
	let out = '';
	let from = 0;
	for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
		const semi = raw.indexOf(';', amp);
		if (semi < 0) fail('an & that starts no entity');
		const name = raw.slice(amp + 1, semi);
		let char: string | undefined;
		if (name.startsWith('#')) {
			const code = /^#x[0-9a-fA-F]{1,6}$/.test(name)
				? parseInt(name.slice(2), 16)
				: /^#[0-9]{1,7}$/.test(name)
					? Number(name.slice(1))
					: NaN;
			if (!isXmlCodePoint(code)) fail(`a character reference XML cannot hold (&${name};)`);
			char = String.fromCodePoint(code);
		} else char = NAMED_ENTITIES[name];
		if (char === undefined) fail(`unknown entity &${name.slice(0, 20)};`);
		out += raw.slice(from, amp) + char;
		from = semi + 1;
	}
	return out + raw.slice(from);
}

class XmlTokenizer implements XmlStream, XmlAttributes {
	#buffer = '';
	#pos = 0;
	readonly #stack: string[] = [];
	#rootSeen = false;
	readonly #names: string[] = [];
	readonly #values: string[] = [];
	#count = 0;

	constructor(
		private readonly part: string,
		private readonly handlers: XmlHandlers
	) {}

	get(name: string): string | undefined {
		for (let i = 0; i < this.#count; i++) if (this.#names[i] === name) return this.#values[i];
		return undefined;
	}

	local(name: string): string | undefined {
		const direct = this.get(name);
		if (direct !== undefined) return direct;
		for (let i = 0; i < this.#count; i++) if (localName(this.#names[i] ?? '') === name) return this.#values[i];
		return undefined;
	}

	write(text: string): void {
		this.#buffer = this.#pos < this.#buffer.length ? this.#buffer.slice(this.#pos) + text : text;
		this.#pos = 0;
		this.#scan(false);
	}

	close(): void {
		this.#scan(true);
		const rest = this.#buffer.slice(this.#pos);
		if (rest.trim() !== '') this.#fail(this.#stack.length > 0 ? 'unexpected end inside a tag or text' : 'text after the root element');
		if (this.#stack.length > 0) this.#fail(`unclosed element <${this.#stack.at(-1)}>`);
		if (!this.#rootSeen) this.#fail('no root element');
		this.#buffer = '';
		this.#pos = 0;
	}

	#fail(detail: string): never {
		throw new XlsxFormatError(coded('xlsx.xml_damaged', { part: this.part, detail }));
	}

	#scan(atEnd: boolean): void {
		const buffer = this.#buffer;
		for (;;) {
			const lt = buffer.indexOf('<', this.#pos);
			if (lt < 0) {
				this.#textUpTo(atEnd ? buffer.length : this.#safeTextEnd());
				return;
			}
			if (lt > this.#pos) this.#text(buffer.slice(this.#pos, lt));
			this.#pos = lt;
			const end = this.#tag(lt);
			if (end < 0) {
				if (atEnd) this.#fail('unexpected end inside a tag');
				return;
			}
			this.#pos = end;
		}
	}

	/** Where text at the end of a slice may be cut: before an entity or a CR the next slice may finish. */
	#safeTextEnd(): number {
		const buffer = this.#buffer;
		let end = buffer.length;
		const amp = buffer.lastIndexOf('&');
		if (amp >= this.#pos && buffer.indexOf(';', amp) < 0) end = amp;
		if (end > this.#pos && buffer.charCodeAt(end - 1) === 13) end--;
		return end;
	}

	#textUpTo(end: number): void {
		if (end > this.#pos) this.#text(this.#buffer.slice(this.#pos, end));
		this.#pos = end;
	}

	#text(raw: string): void {
		if (this.#stack.length === 0) {
			if (raw.trim() !== '') this.#fail(this.#rootSeen ? 'text after the root element' : 'text before the root element');
			return;
		}
		let special = false;
		for (let k = 0; k < raw.length; k++) {
			const code = raw.charCodeAt(k);
			if (code < 32 || code === AMPERSAND) {
				if (code < 32 && code !== 9 && code !== 10 && code !== 13) this.#fail('a character XML cannot hold');
				special = true;
			} else if (code >= 0xfffe && code <= 0xffff) this.#fail('a character XML cannot hold');
		}
		if (!special) return this.handlers.text(raw);
		const text = raw.includes('&') ? decodeEntities(raw, (detail) => this.#fail(detail)) : raw;
		this.handlers.text(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
	}

	/**
	 * An attribute value between two indexes of the buffer, checked in one pass (values are short and
	 * there are millions): no '<', no character XML cannot hold; whitespace characters become spaces
	 * (XML does so before reading references), then references are read.
	 */
	#attributeValue(from: number, to: number, attributeName: string, element: string): string {
		const buffer = this.#buffer;
		let special = false;
		for (let k = from; k < to; k++) {
			const code = buffer.charCodeAt(k);
			if (code < 32 || code === LT || code === AMPERSAND) {
				if (code === LT) this.#fail(`a < inside attribute ${attributeName} of <${element}>`);
				if (code < 32 && code !== 9 && code !== 10 && code !== 13) this.#fail('a character XML cannot hold');
				special = true;
			} else if (code >= 0xfffe && code <= 0xffff) this.#fail('a character XML cannot hold');
		}
		const raw = buffer.slice(from, to);
		if (!special) return raw;
		const spaced = raw.replace(/\r\n|[\t\n\r]/g, ' ');
		return spaced.includes('&') ? decodeEntities(spaced, (detail) => this.#fail(detail)) : spaced;
	}

	/** The tag at `lt`: the index after it, or -1 when the buffer ends inside it. */
	#tag(lt: number): number {
		const buffer = this.#buffer;
		const next = buffer.charCodeAt(lt + 1);
		if (Number.isNaN(next)) return -1;
		if (next === QUESTION) {
			const end = buffer.indexOf('?>', lt + 2);
			return end < 0 ? -1 : end + 2;
		}
		if (next === BANG) return this.#markup(lt);
		if (next === SLASH) return this.#closeTag(lt);
		return this.#openTag(lt);
	}

	#markup(lt: number): number {
		const buffer = this.#buffer;
		if (buffer.startsWith('<!--', lt)) {
			const end = buffer.indexOf('-->', lt + 4);
			return end < 0 ? -1 : end + 3;
		}
		if (buffer.startsWith('<![CDATA[', lt)) {
			const end = buffer.indexOf(']]>', lt + 9);
			if (end < 0) return -1;
			const raw = buffer.slice(lt + 9, end);
			if (this.#stack.length === 0) this.#fail('CDATA outside the root element');
			if (holdsNotXmlChar(raw)) this.#fail('a character XML cannot hold');
			this.handlers.text(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
			return end + 3;
		}
		// Not enough text yet to tell a comment or CDATA from anything else.
		const rest = buffer.slice(lt, lt + 9);
		if (rest.length < 9 && ['<![CDATA[', '<!--', '<!DOCTYPE'].some((markup) => markup.startsWith(rest))) return -1;
		return this.#fail(buffer.startsWith('<!DOCTYPE', lt) ? 'a DOCTYPE, which SpreadsheetML never has' : 'unexpected <!');
	}

	#closeTag(lt: number): number {
		const buffer = this.#buffer;
		const gt = buffer.indexOf('>', lt + 2);
		if (gt < 0) return -1;
		const name = buffer.slice(lt + 2, gt).trimEnd();
		const open = this.#stack.pop();
		if (open !== name)
			this.#fail(open === undefined ? `close tag </${name}> with nothing open` : `close tag </${name}> where </${open}> was due`);
		this.handlers.close(localName(name));
		return gt + 1;
	}

	#openTag(lt: number): number {
		const buffer = this.#buffer;
		const length = buffer.length;
		let i = lt + 1;
		if (!isNameStart(buffer.charCodeAt(i))) this.#fail('a tag without a name');
		while (i < length && isNameChar(buffer.charCodeAt(i))) i++;
		if (i >= length) return -1;
		const name = buffer.slice(lt + 1, i);
		let count = 0;
		let selfClosing = false;
		for (;;) {
			const before = i;
			while (i < length && isSpace(buffer.charCodeAt(i))) i++;
			if (i >= length) return -1;
			const code = buffer.charCodeAt(i);
			if (code === GT) {
				i++;
				break;
			}
			if (code === SLASH) {
				if (i + 1 >= length) return -1;
				if (buffer.charCodeAt(i + 1) !== GT) this.#fail(`a / inside <${name}>`);
				selfClosing = true;
				i += 2;
				break;
			}
			if (i === before || !isNameStart(code)) this.#fail(`a malformed attribute in <${name}>`);
			const nameStart = i;
			while (i < length && isNameChar(buffer.charCodeAt(i))) i++;
			const attributeName = buffer.slice(nameStart, i);
			while (i < length && isSpace(buffer.charCodeAt(i))) i++;
			if (i >= length) return -1;
			if (buffer.charCodeAt(i) !== EQUALS) this.#fail(`attribute ${attributeName} of <${name}> without a value`);
			i++;
			while (i < length && isSpace(buffer.charCodeAt(i))) i++;
			if (i >= length) return -1;
			const quote = buffer.charCodeAt(i);
			if (quote !== QUOTE && quote !== APOSTROPHE) this.#fail(`attribute ${attributeName} of <${name}> not in quotes`);
			const closing = buffer.indexOf(quote === QUOTE ? '"' : "'", i + 1);
			if (closing < 0) return -1;
			for (let k = 0; k < count; k++) if (this.#names[k] === attributeName) this.#fail(`attribute ${attributeName} twice in <${name}>`);
			this.#names[count] = attributeName;
			this.#values[count] = this.#attributeValue(i + 1, closing, attributeName, name);
			count++;
			i = closing + 1;
		}
		if (this.#stack.length === 0 && this.#rootSeen) this.#fail(`a second root element <${name}>`);
		this.#rootSeen = true;
		this.#count = count;
		const local = localName(name);
		if (!selfClosing) this.#stack.push(name);
		this.handlers.open(local, this);
		this.#count = 0;
		if (selfClosing) this.handlers.close(local);
		return i;
	}
}

export function xmlStream(part: string, handlers: XmlHandlers): XmlStream {
	return new XmlTokenizer(part, handlers);
}

/** Parses a whole entry through `handlers`, slice by slice. */
export async function parseEntry(source: ByteSource, entry: ZipEntry, handlers: XmlHandlers, options: EntryTextOptions): Promise<void> {
	const xml = xmlStream(entry.name, handlers);
	for await (const chunk of entryText(source, entry, options)) xml.write(chunk.text);
	xml.close();
}
