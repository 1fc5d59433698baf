/** Longitude/latitude boxes of boundary shapes: what `regency-extent.ts` compares. Pure, no DOM. */
/** West/east in degrees of longitude, south/north in degrees of latitude. */
export interface Box {
	west: number;
	south: number;
	east: number;
	north: number;
}

/** The box of every position in nested GeoJSON coordinates; null when there is none. */
export function boxOfCoordinates(coordinates: unknown): Box | null {
	let box: Box | null = null;
	const walk = (value: unknown): void => {
		if (!Array.isArray(value)) return;
		const [x, y] = value as unknown[];
		if (typeof x === 'number' && typeof y === 'number') {
			box = box
				? { west: Math.min(box.west, x), south: Math.min(box.south, y), east: Math.max(box.east, x), north: Math.max(box.north, y) }
				: { west: x, south: y, east: x, north: y };
			return;
		}
		for (const item of value) walk(item);
	};
	walk(coordinates);
	return box;
}

export function unionBox(boxes: readonly (Box | null)[]): Box | null {
	let out: Box | null = null;
	for (const box of boxes) {
		if (!box) continue;
		out = out
			? {
					west: Math.min(out.west, box.west),
					south: Math.min(out.south, box.south),
					east: Math.max(out.east, box.east),
					north: Math.max(out.north, box.north)
				}
			: box;
	}
	return out;
}

export function expandBox(box: Box, degrees: number): Box {
	return { west: box.west - degrees, south: box.south - degrees, east: box.east + degrees, north: box.north + degrees };
}

export function boxContains(box: Box, x: number, y: number): boolean {
	return x >= box.west && x <= box.east && y >= box.south && y <= box.north;
}

export function boxesIntersect(a: Box, b: Box): boolean {
	return a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
}

export function boxCentre(box: Box): [number, number] {
	return [(box.west + box.east) / 2, (box.south + box.north) / 2];
}

/** The first position (x, y) of nested GeoJSON coordinates for which `test` holds, or null. */
export function findPosition(coordinates: unknown, test: (x: number, y: number) => boolean): number[] | null {
	if (!Array.isArray(coordinates)) return null;
	if (typeof coordinates[0] === 'number') {
		const [x, y] = coordinates as number[];
		if (typeof x !== 'number' || typeof y !== 'number') return null;
		return test(x, y) ? [x, y] : null;
	}
	for (const item of coordinates) {
		const found = findPosition(item, test);
		if (found) return found;
	}
	return null;
}
