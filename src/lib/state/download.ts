/** Hands bytes, text or a Blob to the browser as a file download (no request leaves the page). */
export function download(bytes: Uint8Array | string | Blob, name: string, type: string): void {
	const blob = bytes instanceof Blob ? bytes : new Blob([bytes as BlobPart], { type });
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name part from user text: word characters, dots and dashes only. */
export function safeFileStem(name: string): string {
	return name.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_');
}
