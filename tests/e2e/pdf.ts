/**
 * What a printed page says: the text of each page of a PDF Chromium printed (page.pdf), read with
 * pdf.js, so a print test checks the words and numbers on paper, not only that pages came out.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page, its items joined by spaces. */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
	const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
	try {
		const pages: string[] = [];
		for (let n = 1; n <= document.numPages; n++) {
			const page = await document.getPage(n);
			const content = await page.getTextContent();
			pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
		}
		return pages;
	} finally {
		await document.destroy();
	}
}
