import type { ByteSource } from './types';

/** ByteSource over bytes already in memory (tests, small inputs). Safe in the browser. */
export function bytesByteSource(name: string, bytes: Uint8Array): ByteSource {
	return {
		name,
		size: bytes.length,
		read: async (start, end) => bytes.subarray(start, Math.min(end, bytes.length))
	};
}
