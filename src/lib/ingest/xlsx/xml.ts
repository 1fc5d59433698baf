/**
 * saxes (a streaming, well-formedness-checking SAX parser) with element names reduced to their local
 * part: most writers use the default namespace (<row>), some a prefix (<x:row>), and the reader only
 * cares about SpreadsheetML names.
 */
import { SaxesParser } from 'saxes';
import type { ByteSource } from '../types';
import { entryText, type EntryTextOptions } from './entry-text';
import { coded } from '../../core/messages';
import { XlsxFormatError } from './errors';
import type { ZipEntry } from './zip';

export interface XmlHandlers {
	open(name: string, attributes: Readonly<Record<string, string>>): void;
	close(name: string): void;
	/** Character data (entities decoded), in as many pieces as the parser likes. */
	text(text: string): void;
}

const localName = (name: string) => {
	const colon = name.indexOf(':');
	return colon < 0 ? name : name.slice(colon + 1);
};

/** An attribute by local name (r:id and its strict-OOXML twin alike). */
export function attribute(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
	const direct = attributes[name];
	if (direct !== undefined) return direct;
	for (const [key, value] of Object.entries(attributes)) if (localName(key) === name) return value;
	return undefined;
}

export interface XmlStream {
	write(text: string): void;
	close(): void;
}

export function xmlStream(part: string, handlers: XmlHandlers): XmlStream {
	const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
	parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes));
	parser.on('closetag', (tag) => handlers.close(localName(tag.name)));
	parser.on('text', handlers.text);
	parser.on('cdata', handlers.text);
	parser.on('error', (error) => {
		throw new XlsxFormatError(coded('xlsx.xml_damaged', { part, detail: error.message }));
	});
	return {
		write: (text) => void parser.write(text),
		close: () => void parser.close()
	};
}

/** Parses a whole entry through `handlers`, slice by slice. */
export async function parseEntry(source: ByteSource, entry: ZipEntry, handlers: XmlHandlers, options: EntryTextOptions): Promise<void> {
	const xml = xmlStream(entry.name, handlers);
	for await (const chunk of entryText(source, entry, options)) xml.write(chunk.text);
	xml.close();
}
