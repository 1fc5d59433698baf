/** Arrow IPC framing, handled as bytes (no decoding). */

const MAGIC = new TextEncoder().encode('ARROW1');
/** "ARROW1" padded to 8 bytes, before the stream. */
const PREAMBLE_BYTES = 8;
/** Footer length (int32) and "ARROW1", after the footer. */
const TRAILER_BYTES = 4 + MAGIC.length;

function hasMagicAt(bytes: Uint8Array, offset: number): boolean {
	return MAGIC.every((byte, i) => bytes[offset + i] === byte);
}

/**
 * Arrow IPC file → Arrow IPC stream. The file format is the stream format (with its end-of-stream
 * marker) between the preamble and the footer, so the stream is a view into the same bytes.
 */
export function ipcFileToStream(file: Uint8Array): Uint8Array {
	const size = file.length;
	if (size < PREAMBLE_BYTES + TRAILER_BYTES || !hasMagicAt(file, 0) || !hasMagicAt(file, size - MAGIC.length)) {
		throw new Error('Not an Arrow IPC file');
	}
	const footerBytes = new DataView(file.buffer, file.byteOffset, size).getInt32(size - TRAILER_BYTES, true);
	const streamEnd = size - TRAILER_BYTES - footerBytes;
	if (footerBytes < 0 || streamEnd < PREAMBLE_BYTES) throw new Error('Arrow IPC file footer out of range');
	return file.subarray(PREAMBLE_BYTES, streamEnd);
}
