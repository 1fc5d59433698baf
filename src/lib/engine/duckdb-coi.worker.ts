/**
 * duckdb-wasm's multithreaded ("coi") worker, with its heap views kept current.
 *
 * In that build the wasm memory is shared with the pthread workers and any of them may grow it. The
 * emscripten runtime copes (its own accesses go through GROWABLE_HEAP_*, which renew a view made on the
 * old buffer), but duckdb-wasm 1.32's bindings read and write `Module.HEAPU8` directly: an Arrow insert
 * copies the IPC bytes with `mod.HEAPU8.subarray(ptr, ptr + n).set(bytes)`, every query copies its text
 * and its answer the same way. After a pthread has grown the memory, that view still spans the old,
 * shorter buffer, and a block malloc'd past its end fails: `RangeError: offset is out of bounds` in
 * insertArrowFromIPCStream (or a truncated answer). So once the bindings exist, each HEAP* view of their
 * module becomes a getter that renews the view whenever the memory's buffer is no longer the one it was
 * made on (a shared memory's `buffer` is a new object exactly when it has grown).
 */
import duckdbCoiWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url';

type View = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;
type ViewConstructor = new (buffer: ArrayBufferLike) => View;

/** The emscripten module's views the bindings use, with the constructor of each. */
const VIEWS: Record<string, ViewConstructor> = {
	HEAP8: Int8Array,
	HEAPU8: Uint8Array,
	HEAP16: Int16Array,
	HEAPU16: Uint16Array,
	HEAP32: Int32Array,
	HEAPU32: Uint32Array,
	HEAPF32: Float32Array,
	HEAPF64: Float64Array
};

interface EmscriptenModule {
	wasmMemory?: WebAssembly.Memory;
	[view: string]: unknown;
}

interface WorkerScope {
	DUCKDB_BINDINGS?: { mod?: EmscriptenModule };
	onmessage: ((event: MessageEvent) => unknown) | null;
	importScripts(...urls: string[]): void;
}

const scope = globalThis as unknown as WorkerScope;

/** Makes each view of `mod` follow its memory's current buffer; the runtime's own assignments still land. */
function keepViewsCurrent(mod: EmscriptenModule, memory: WebAssembly.Memory): void {
	for (const [name, View] of Object.entries(VIEWS)) {
		let view = mod[name] as View;
		Object.defineProperty(mod, name, {
			configurable: true,
			enumerable: true,
			get: () => {
				if (view.buffer !== memory.buffer) view = new View(memory.buffer);
				return view;
			},
			set: (next: View) => {
				view = next;
			}
		});
	}
}

scope.importScripts(duckdbCoiWorkerUrl);

const handle = scope.onmessage;
let patched = false;
// The bindings appear once the worker has been asked to instantiate; every request after that comes here first.
scope.onmessage = (event: MessageEvent) => {
	const mod = scope.DUCKDB_BINDINGS?.mod;
	if (!patched && mod?.wasmMemory) {
		keepViewsCurrent(mod, mod.wasmMemory);
		patched = true;
	}
	return handle?.(event);
};
