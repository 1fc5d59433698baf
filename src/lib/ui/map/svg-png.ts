/**
 * An SVG drawing on the page as a PNG, in the browser and from nothing but the page: the SVG is
 * serialised, read back as an image from a blob: URL of this page (no request leaves it; CSP img-src
 * allows blob:), drawn on a canvas `scale` times its size and encoded. The drawing must carry its own
 * styles (StaticMap does: attributes, system fonts), since the page's stylesheets do not travel.
 */
import { regencyShortName } from '$lib/core/wilayah';

export interface Png {
	blob: Blob;
	width: number;
	height: number;
}

/** The drawing's size in CSS pixels, from its width and height attributes (else its viewBox). */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
	const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
	const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height;
	if (!(width > 0 && height > 0)) throw new Error(`SVG has no size (${width} × ${height})`);
	return { width, height };
}

export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Png> {
	const size = sizeOf(svg);
	const text = new XMLSerializer().serializeToString(svg);
	const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(size.width * scale);
		canvas.height = Math.round(size.height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('no 2D canvas context');
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) throw new Error('the canvas gave no PNG');
		return { blob, width: canvas.width, height: canvas.height };
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** "Kutai Kartanegara" → "kutai-kartanegara": a file-name part in lower-case ASCII words. */
export function fileSlug(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** `peta-<subject>-<regency>-<yyyy-mm-dd>.png`, the date in the user's own time zone. */
export function mapPngName(subject: string, regency: string, date: Date): string {
	const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
	return `peta-${[fileSlug(subject), fileSlug(regencyShortName(regency)), day].filter((p) => p !== '').join('-')}.png`;
}
