/** SHA-256 of bytes as lowercase hex, through WebCrypto (the same in the browser and in Node 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	// slice(): WebCrypto takes a view on a plain ArrayBuffer, not on a SharedArrayBuffer.
	const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes.slice()));
	return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
