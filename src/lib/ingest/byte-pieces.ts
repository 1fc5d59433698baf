/** Byte pieces joined into one array (readers gather a file's slices, or a cut line's two halves). */

export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
	if (parts.length === 1) return parts[0] as Uint8Array;
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** `a` then `b`: either one itself when the other is empty. */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
	if (a.length === 0) return b;
	if (b.length === 0) return a;
	return joinBytes([a, b]);
}
