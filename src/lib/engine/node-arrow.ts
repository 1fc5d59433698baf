/**
 * DuckDB (node-api) result → Arrow table, built from the result's column data directly: fixed-width
 * columns are copied as typed arrays, VARCHAR bytes are copied into the Arrow buffer without being
 * decoded to JS strings and encoded again. Types that Tepat rarely reads (DECIMAL, timestamps,
 * HUGEINT …) go through node-api's JS values, as before. The Arrow types match duckdb-wasm's.
 */
import duckdb from '@duckdb/node-bindings';
import { DuckDBTypeId, JSDuckDBValueConverter, type DuckDBDataChunk, type DuckDBMaterializedResult } from '@duckdb/node-api';
import {
	Bool,
	DateDay,
	Float64,
	Int32,
	Int64,
	Table,
	TimestampMillisecond,
	Utf8,
	makeData,
	makeVector,
	vectorFromArray,
	type DataType,
	type Vector
} from 'apache-arrow';

/** Arrow types chosen to match what duckdb-wasm hands back for the same DuckDB type. */
export function arrowTypeFor(typeId: DuckDBTypeId): DataType {
	switch (typeId) {
		case DuckDBTypeId.BOOLEAN:
			return new Bool();
		case DuckDBTypeId.TINYINT:
		case DuckDBTypeId.SMALLINT:
		case DuckDBTypeId.INTEGER:
		case DuckDBTypeId.UTINYINT:
		case DuckDBTypeId.USMALLINT:
			return new Int32();
		case DuckDBTypeId.BIGINT:
		case DuckDBTypeId.UINTEGER:
		case DuckDBTypeId.UBIGINT:
			return new Int64();
		case DuckDBTypeId.FLOAT:
		case DuckDBTypeId.DOUBLE:
		case DuckDBTypeId.DECIMAL:
		case DuckDBTypeId.HUGEINT:
		case DuckDBTypeId.UHUGEINT:
			return new Float64();
		case DuckDBTypeId.DATE:
			return new DateDay();
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_MS:
		case DuckDBTypeId.TIMESTAMP_S:
		case DuckDBTypeId.TIMESTAMP_NS:
		case DuckDBTypeId.TIMESTAMP_TZ:
			return new TimestampMillisecond();
		default:
			return new Utf8();
	}
}

function toArrowValue(value: unknown, type: DataType): unknown {
	if (value === null || value === undefined) return null;
	if (type instanceof Int32) return Number(value);
	if (type instanceof Int64) return typeof value === 'bigint' ? value : BigInt(value as number);
	if (type instanceof Float64) return Number(value);
	if (type instanceof Bool) return Boolean(value);
	if (type instanceof DateDay || type instanceof TimestampMillisecond) {
		return value instanceof Date ? value : new Date(String(value));
	}
	return typeof value === 'string' ? value : String(value);
}

/** Fills one Arrow column chunk by chunk; `finish` hands back its vector. */
interface ColumnBuilder {
	add(chunk: DuckDBDataChunk, column: number, rows: number, at: number): void;
	finish(): Vector;
}

/** The validity bits of a chunk's column (LSB first, as Arrow's), or null when every row is valid. */
function validityOf(vector: duckdb.Vector, rows: number): Uint8Array | null {
	const bits: Uint8Array | null = duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8);
	return bits ?? null;
}

function isValid(bits: Uint8Array, row: number): boolean {
	return ((bits[row >> 3] ?? 0) & (1 << (row & 7))) !== 0;
}

/** The Arrow null bitmap of a column, all valid until a row says otherwise. */
class NullBitmap {
	readonly bits: Uint8Array;
	nulls = 0;
	constructor(length: number) {
		this.bits = new Uint8Array(Math.ceil(length / 8)).fill(0xff);
	}
	clear(row: number): void {
		this.bits[row >> 3] = (this.bits[row >> 3] ?? 0) & ~(1 << (row & 7));
		this.nulls++;
	}
}

type NumberArray = Int32Array | Float64Array | BigInt64Array;
type NumberArrayOf<A extends NumberArray> = {
	new (buffer: ArrayBufferLike, byteOffset: number, length: number): A;
	BYTES_PER_ELEMENT: number;
};

/** Source element types DuckDB stores, read from the chunk's data as typed arrays. */
const SOURCE_ARRAYS = {
	[DuckDBTypeId.TINYINT]: Int8Array,
	[DuckDBTypeId.UTINYINT]: Uint8Array,
	[DuckDBTypeId.SMALLINT]: Int16Array,
	[DuckDBTypeId.USMALLINT]: Uint16Array,
	[DuckDBTypeId.INTEGER]: Int32Array,
	[DuckDBTypeId.DATE]: Int32Array,
	[DuckDBTypeId.BIGINT]: BigInt64Array,
	[DuckDBTypeId.DOUBLE]: Float64Array
} as const;
type FixedTypeId = keyof typeof SOURCE_ARRAYS;
type SourceArray = InstanceType<(typeof SOURCE_ARRAYS)[FixedTypeId]>;

/** The chunk's data as a typed array of its element type (copied when not aligned). */
function sourceArray(vector: duckdb.Vector, typeId: FixedTypeId, rows: number): SourceArray {
	const Source = SOURCE_ARRAYS[typeId];
	const bytes = duckdb.vector_get_data(vector, rows * Source.BYTES_PER_ELEMENT);
	const aligned = bytes.byteOffset % Source.BYTES_PER_ELEMENT === 0 ? bytes : bytes.slice();
	return new Source(aligned.buffer as ArrayBuffer, aligned.byteOffset, rows);
}

/** Integer, double and date columns: copied from the chunk's data; null slots are 0. */
function fixedBuilder<A extends NumberArray>(
	type: Int32 | Int64 | Float64 | DateDay,
	typeId: FixedTypeId,
	Target: NumberArrayOf<A>,
	length: number
): ColumnBuilder {
	const values = new Target(new ArrayBuffer(length * Target.BYTES_PER_ELEMENT), 0, length);
	const nulls = new NullBitmap(length);
	return {
		add(chunk, column, rows, at) {
			const vector = duckdb.data_chunk_get_vector(chunk.chunk, column);
			const source = sourceArray(vector, typeId, rows);
			// Same element type: one copy; otherwise widened element by element.
			if (source.constructor === values.constructor) (values as NumberArray).set(source as never, at);
			else for (let i = 0; i < rows; i++) (values as Int32Array)[at + i] = source[i] as number;
			const bits = validityOf(vector, rows);
			if (!bits) return;
			for (let i = 0; i < rows; i++) {
				if (isValid(bits, i)) continue;
				nulls.clear(at + i);
				if (values instanceof BigInt64Array) values[at + i] = 0n;
				else values[at + i] = 0;
			}
		},
		finish() {
			return makeVector(
				makeData({ type: type as Int32, length, nullCount: nulls.nulls, nullBitmap: nulls.bits, data: values as Int32Array })
			);
		}
	};
}

function boolBuilder(length: number): ColumnBuilder {
	const values = new Uint8Array(Math.ceil(length / 8));
	const nulls = new NullBitmap(length);
	return {
		add(chunk, column, rows, at) {
			const vector = duckdb.data_chunk_get_vector(chunk.chunk, column);
			const source = duckdb.vector_get_data(vector, rows);
			const bits = validityOf(vector, rows);
			for (let i = 0; i < rows; i++) {
				const row = at + i;
				if (bits && !isValid(bits, i)) nulls.clear(row);
				else if (source[i]) values[row >> 3] = (values[row >> 3] ?? 0) | (1 << (row & 7));
			}
		},
		finish() {
			return makeVector(makeData({ type: new Bool(), length, nullCount: nulls.nulls, nullBitmap: nulls.bits, data: values }));
		}
	};
}

/** VARCHAR: the UTF-8 bytes of each string (inline up to 12 bytes, else behind a pointer) copied as they are. */
function utf8Builder(length: number): ColumnBuilder {
	const offsets = new Int32Array(length + 1);
	let data = new Uint8Array(Math.max(1024, length * 8));
	let used = 0;
	const nulls = new NullBitmap(length);
	const reserve = (more: number) => {
		if (used + more <= data.length) return;
		const grown = new Uint8Array(Math.max(data.length * 2, used + more));
		grown.set(data.subarray(0, used));
		data = grown;
	};
	return {
		add(chunk, column, rows, at) {
			const vector = duckdb.data_chunk_get_vector(chunk.chunk, column);
			const strings = duckdb.vector_get_data(vector, rows * 16);
			const view = new DataView(strings.buffer, strings.byteOffset, strings.byteLength);
			const bits = validityOf(vector, rows);
			for (let i = 0; i < rows; i++) {
				const row = at + i;
				if (bits && !isValid(bits, i)) {
					nulls.clear(row);
				} else {
					const base = i * 16;
					const size = view.getUint32(base, true);
					reserve(size);
					if (size <= 12) {
						for (let b = 0; b < size; b++) data[used + b] = strings[base + 4 + b] ?? 0;
					} else {
						data.set(duckdb.get_data_from_pointer(strings.buffer as ArrayBuffer, strings.byteOffset + base + 8, size), used);
					}
					used += size;
				}
				offsets[row + 1] = used;
			}
		},
		finish() {
			return makeVector(
				makeData({
					type: new Utf8(),
					length,
					nullCount: nulls.nulls,
					nullBitmap: nulls.bits,
					valueOffsets: offsets,
					data: data.subarray(0, used)
				})
			);
		}
	};
}

/** Every other type: node-api's JS values, converted as before (DECIMAL, timestamps, HUGEINT, ENUM …). */
function jsBuilder(type: DataType, length: number): ColumnBuilder {
	const values: unknown[] = new Array<unknown>(length);
	return {
		add(chunk, column, rows, at) {
			const converted = chunk.convertColumnValues(column, JSDuckDBValueConverter);
			for (let i = 0; i < rows; i++) values[at + i] = toArrowValue(converted[i], type);
		},
		finish() {
			return vectorFromArray(values, type);
		}
	};
}

function builderFor(typeId: DuckDBTypeId, length: number): ColumnBuilder {
	switch (typeId) {
		case DuckDBTypeId.TINYINT:
		case DuckDBTypeId.SMALLINT:
		case DuckDBTypeId.INTEGER:
		case DuckDBTypeId.UTINYINT:
		case DuckDBTypeId.USMALLINT:
			return fixedBuilder(new Int32(), typeId, Int32Array, length);
		case DuckDBTypeId.BIGINT:
			return fixedBuilder(new Int64(), typeId, BigInt64Array, length);
		case DuckDBTypeId.DOUBLE:
			return fixedBuilder(new Float64(), typeId, Float64Array, length);
		case DuckDBTypeId.DATE:
			return fixedBuilder(new DateDay(), typeId, Int32Array, length);
		case DuckDBTypeId.BOOLEAN:
			return boolBuilder(length);
		case DuckDBTypeId.VARCHAR:
			return utf8Builder(length);
		default:
			return jsBuilder(arrowTypeFor(typeId), length);
	}
}

/** The whole result as one Arrow table, one record batch. */
export function resultToArrow(result: DuckDBMaterializedResult): Table {
	const names = result.deduplicatedColumnNames();
	const length = result.rowCount;
	const builders = names.map((_, column) => builderFor(result.columnTypeId(column), length));
	let at = 0;
	for (let index = 0; index < result.chunkCount; index++) {
		const chunk = result.getChunk(index);
		const rows = chunk.rowCount;
		if (rows === 0) continue;
		builders.forEach((builder, column) => builder.add(chunk, column, rows, at));
		at += rows;
	}
	const vectors: Record<string, Vector> = {};
	names.forEach((name, column) => {
		const builder = builders[column];
		if (builder) vectors[name] = builder.finish();
	});
	return new Table(vectors);
}
