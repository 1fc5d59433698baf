/**
 * Draws the web app manifest's icons (static/icon-192.png, static/icon-512.png) from the same target as
 * static/favicon.svg — three concentric circles on a 32-unit grid — with plain Node (node:zlib), so no
 * image tool is needed. Run `npx tsx scripts/make-icons.ts` after changing the favicon; the PNGs are
 * committed.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const RED: Rgba = [0xb3, 0x00, 0x00, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const CLEAR: Rgba = [0, 0, 0, 0];
/** The favicon's circles, outermost first (radius in its 32-unit grid). */
const CIRCLES: readonly [number, Rgba][] = [
	[14, RED],
	[8, WHITE],
	[4, RED]
];
/** Samples per pixel side, for smooth edges. */
const SAMPLES = 4;

type Rgba = readonly [number, number, number, number];

function colourAt(x: number, y: number): Rgba {
	const distance = Math.hypot(x - 16, y - 16);
	let colour = CLEAR;
	for (const [radius, fill] of CIRCLES) if (distance <= radius) colour = fill;
	return colour;
}

/** RGBA rows, each behind PNG's filter byte (0: none). */
function pixels(size: number): Buffer {
	const rows = Buffer.alloc(size * (size * 4 + 1));
	for (let py = 0; py < size; py++) {
		const row = py * (size * 4 + 1);
		for (let px = 0; px < size; px++) {
			// Premultiplied, so a clear sample does not darken the edge.
			let [red, green, blue, alpha] = [0, 0, 0, 0];
			for (let sy = 0; sy < SAMPLES; sy++) {
				for (let sx = 0; sx < SAMPLES; sx++) {
					const [r, g, b, a] = colourAt(((px + (sx + 0.5) / SAMPLES) * 32) / size, ((py + (sy + 0.5) / SAMPLES) * 32) / size);
					red += (r * a) / 255;
					green += (g * a) / 255;
					blue += (b * a) / 255;
					alpha += a;
				}
			}
			const at = row + 1 + px * 4;
			rows.set(
				alpha === 0 ? [0, 0, 0, 0] : [red, green, blue].map((c) => Math.round((c / alpha) * 255)).concat(Math.round(alpha / SAMPLES ** 2)),
				at
			);
		}
	}
	return rows;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Buffer): number {
	let c = 0xffffffff;
	for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

export function png(size: number): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8; // bits per channel
	header[9] = 6; // RGBA
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(pixels(size), { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

for (const size of [192, 512]) writeFileSync(new URL(`../static/icon-${size}.png`, import.meta.url), png(size));
