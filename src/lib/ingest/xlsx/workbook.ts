/**
 * The package around the sheets: which part is the workbook (_rels/.rels), its sheets in tab order
 * with their names, visibility and parts (workbook.xml + its rels), the date system, and where the
 * shared strings and styles are.
 */
import type { ByteSource } from '../types';
import { coded } from '../../core/messages';
import { XlsxFormatError } from './errors';
import { parseEntry } from './xml';
import { partKey, type ZipEntry } from './zip';

export interface SheetInfo {
	name: string;
	hidden: boolean;
	/** Only worksheets hold cells; chart and dialog sheets are listed but cannot be read. */
	kind: 'worksheet' | 'other';
	entry: ZipEntry | undefined;
}

export interface WorkbookInfo {
	sheets: SheetInfo[];
	/** workbookPr date1904: serial day 0 is 1904-01-01 (old Mac Excel) instead of 1899-12-31. */
	date1904: boolean;
	sharedStrings: ZipEntry | undefined;
	styles: ZipEntry | undefined;
}

interface Relationship {
	type: string;
	target: string;
}

/** workbook.xml, rels and styles are small; anything near this is not a workbook Excel wrote. */
const SMALL_PART_BYTES = 64 * 1024 * 1024;

export const smallPartOptions = (sliceBytes: number) => (entry: ZipEntry) => ({
	sliceBytes,
	maxBytes: SMALL_PART_BYTES,
	tooLarge: () => new XlsxFormatError(coded('xlsx.part_too_large', { part: entry.name }))
});

/** The last segment of a relationship type URI (transitional and strict OOXML differ only before it). */
const relKind = (type: string) => type.slice(type.lastIndexOf('/') + 1);

const relsPath = (part: string) => {
	const slash = part.lastIndexOf('/');
	return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

function resolveTarget(fromPart: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const parts = fromPart.split('/').slice(0, -1);
	for (const segment of target.split('/')) {
		if (segment === '..') parts.pop();
		else if (segment !== '.' && segment !== '') parts.push(segment);
	}
	return parts.join('/');
}

async function readRels(
	source: ByteSource,
	entries: ReadonlyMap<string, ZipEntry>,
	part: string,
	options: ReturnType<typeof smallPartOptions>
): Promise<Map<string, Relationship>> {
	const rels = new Map<string, Relationship>();
	const entry = entries.get(partKey(relsPath(part)));
	if (!entry) return rels;
	await parseEntry(
		source,
		entry,
		{
			open(name, attributes) {
				if (name !== 'Relationship' || attributes.get('TargetMode') === 'External') return;
				const id = attributes.get('Id');
				const type = attributes.get('Type');
				const target = attributes.get('Target');
				if (id && type && target) rels.set(id, { type, target: resolveTarget(part, target) });
			},
			close() {},
			text() {}
		},
		options(entry)
	);
	return rels;
}

export async function readWorkbookInfo(
	source: ByteSource,
	entries: ReadonlyMap<string, ZipEntry>,
	sliceBytes: number
): Promise<WorkbookInfo> {
	const options = smallPartOptions(sliceBytes);
	const root = await readRels(source, entries, '', options);
	const office = [...root.values()].find((r) => relKind(r.type) === 'officeDocument');
	const workbookPart = office?.target ?? 'xl/workbook.xml';
	const workbookEntry = entries.get(partKey(workbookPart));
	if (!workbookEntry) throw new XlsxFormatError(coded('xlsx.not_workbook', {}));
	const rels = await readRels(source, entries, workbookPart, options);
	const declared: { name: string; hidden: boolean; rel: string | undefined }[] = [];
	let date1904 = false;
	await parseEntry(
		source,
		workbookEntry,
		{
			open(name, attributes) {
				if (name === 'sheet') {
					const state = attributes.get('state');
					declared.push({
						name: attributes.get('name') ?? '',
						hidden: state === 'hidden' || state === 'veryHidden',
						rel: attributes.local('id')
					});
				} else if (name === 'workbookPr') {
					const value = attributes.get('date1904');
					date1904 = value === '1' || value === 'true';
				}
			},
			close() {},
			text() {}
		},
		options(workbookEntry)
	);
	const sheets = declared.map(({ name, hidden, rel }): SheetInfo => {
		const target = rel === undefined ? undefined : rels.get(rel);
		const isWorksheet = target !== undefined && relKind(target.type) === 'worksheet';
		return {
			name,
			hidden,
			kind: isWorksheet ? 'worksheet' : 'other',
			entry: isWorksheet ? entries.get(partKey(target.target)) : undefined
		};
	});
	const partOf = (kind: string, fallback: string) => {
		const rel = [...rels.values()].find((r) => relKind(r.type) === kind);
		return entries.get(partKey(rel?.target ?? fallback)) ?? entries.get(partKey(fallback));
	};
	return { sheets, date1904, sharedStrings: partOf('sharedStrings', 'xl/sharedStrings.xml'), styles: partOf('styles', 'xl/styles.xml') };
}
