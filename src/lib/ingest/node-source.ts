/** ByteSource over a file on disk, for the CLI, tests and benchmark (Node only: keep it out of the browser bundle). */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ByteSource } from './types';

export async function fileByteSource(path: string, name = basename(path)): Promise<ByteSource> {
	const { size } = await stat(path);
	return {
		name,
		size,
		path,
		async read(start: number, end: number): Promise<Uint8Array> {
			const from = Math.max(0, Math.min(start, size));
			const length = Math.max(0, Math.min(end, size) - from);
			const buffer = new Uint8Array(length);
			if (length === 0) return buffer;
			const handle = await open(path, 'r');
			try {
				let done = 0;
				while (done < length) {
					const { bytesRead } = await handle.read(buffer, done, length - done, from + done);
					if (bytesRead === 0) break;
					done += bytesRead;
				}
				return done === length ? buffer : buffer.subarray(0, done);
			} finally {
				await handle.close();
			}
		}
	};
}
