/**
 * The running header of a printed report: one line (regency, date, register checksum, plan) at the
 * top of every A4 page, set in the @page margin box, which Chromium repeats on each page. The line
 * comes from data (a plan's name is typed by its user), so it is written as a CSS string with every
 * character that could end it escaped, and the rule is set through the DOM (textContent), never as HTML.
 */

/** `text` as a CSS string literal: quotes, backslashes and line breaks escaped, control characters dropped. */
export function cssString(text: string): string {
	const escaped = [...text]
		.map((ch) => {
			const code = ch.codePointAt(0) ?? 0;
			if (ch === '"' || ch === '\\') return `\\${ch}`;
			if (code < 0x20 || code === 0x7f) return ' ';
			if (ch === '<' || ch === '>') return `\\${code.toString(16)} `;
			return ch;
		})
		.join('');
	return `"${escaped}"`;
}

/** The @page rule that prints `text` top left on every page. */
export function pageHeaderCss(text: string): string {
	return `@page { @top-left { content: ${cssString(text)}; font: 8pt system-ui, sans-serif; color: #56646e; } }`;
}

/**
 * The @page rule that numbers every page bottom right in words: `template` holds `{page}` and
 * `{pages}` ("Halaman {page} dari {pages}"), which Chromium fills in per page (CSS page counters). It
 * replaces app.css's bare "1 / 2" for the report that sets it.
 */
export function pageNumberCss(template: string): string {
	const content = template
		.split(/(\{pages?\})/)
		.filter((part) => part !== '')
		.map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
		.join(' ');
	return `@page { @bottom-right { content: ${content}; font-size: 8pt; color: #56646e; } }`;
}

function addRule(doc: Document, css: string, marker: string): () => void {
	const style = doc.createElement('style');
	style.dataset[marker] = '';
	style.textContent = css;
	doc.head.append(style);
	return () => style.remove();
}

/** Adds the rule to the document while the calling page lives; returns the removal. */
export function setPageHeader(doc: Document, text: string): () => void {
	return addRule(doc, pageHeaderCss(text), 'pageHeader');
}

/** Numbers the pages in words (pageNumberCss) while the calling page lives; returns the removal. */
export function setPageNumbers(doc: Document, template: string): () => void {
	return addRule(doc, pageNumberCss(template), 'pageNumbers');
}
