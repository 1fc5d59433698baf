/**
 * Boundaries that make sense (issue 18 point 5): matched shapes that lie outside the regency they were
 * matched to are refused, as those outside Indonesia are (read.ts). A file whose codes are right but
 * whose coordinates went through the wrong projection (a UTM zone off by one, a false easting dropped)
 * would otherwise draw the regency somewhere else, or draw nothing where the map looks.
 *
 * What is known of where a regency lies, best first:
 * - **its bundled shapes' box** (Kukar): every matched shape must lie within it, with a margin for a
 *   more detailed coastline or a slightly different survey;
 * - **its islands** (Kemendagri's island list, with coordinates, through idn-area-data): a file that
 *   covers nearly all of the regency's villages covers its islands, so its box must come near theirs;
 * - **the other shapes of the same file**: no regency is wider than about five degrees, so a shape
 *   farther than that from the middle of the others was projected differently.
 */
import { coded } from '../messages';
import type { Reference } from '../reference';
import { boxCentre, boxesIntersect, boxOfCoordinates, expandBox, findPosition, unionBox, type Box } from './extent';
import { BoundaryFileError } from './read';
import type { BoundaryMatch } from './match';

/** The box of the bundled village shapes (data/boundaries), per regency code; a unit test keeps it equal to the files. */
export const BUNDLED_REGENCY_BOXES: Readonly<Record<string, Box>> = {
	'64.02': { west: 115.23215, south: -1.14065, east: 117.62789, north: 1.5313 }
};

/** Degrees a user's shape may reach beyond the bundled shapes' box (about 20 km): other surveys, finer coasts. */
export const BUNDLED_MARGIN = 0.2;
/** Degrees between a whole regency's box and its islands' box that still count as near (about 55 km). */
export const ISLAND_MARGIN = 0.5;
/** A file covering at least this share of the regency's villages (or kecamatan) covers its islands. */
export const ISLAND_COVERAGE = 0.9;
/** No Indonesian regency is wider than this (Maluku Barat Daya, Natuna, Merauke: 3–4.5°). */
export const REGENCY_SPAN = 5;

const rounded = (values: readonly number[]) => values.map((n) => Number(n.toFixed(4)));

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Throws a BoundaryFileError when the shapes `match` took from `file` lie outside `reference`'s regency,
 * naming the feature (counted from 1 in the file) where one is at fault.
 */
export function checkWithinRegency(file: string, match: BoundaryMatch, reference: Reference): void {
	const kabupaten = reference.kabupaten.nama;
	const features = match.collection.features;
	const featureNumber = (at: number) => (match.indices[at] ?? at) + 1;
	const coverage = match.report.units > 0 ? match.report.matched / match.report.units : 0;
	const boxes = features.map((feature) => boxOfCoordinates(feature.geometry.coordinates));

	const bundled = BUNDLED_REGENCY_BOXES[reference.kabupaten.kode];
	if (bundled) {
		const allowed = expandBox(bundled, BUNDLED_MARGIN);
		features.forEach((feature, index) => {
			const outside = findPosition(
				feature.geometry.coordinates,
				(x, y) => x < allowed.west || x > allowed.east || y < allowed.south || y > allowed.north
			);
			if (!outside) return;
			const number = featureNumber(index);
			throw new BoundaryFileError(
				coded('boundary.outside_regency', {
					file,
					feature: number,
					kode: feature.properties.kode,
					kabupaten,
					coordinates: rounded(outside),
					box: rounded([bundled.west, bundled.south, bundled.east, bundled.north])
				}),
				file,
				number,
				'geometry'
			);
		});
	}

	const centres = boxes.flatMap((box) => (box ? [boxCentre(box)] : []));
	if (centres.length >= 3) {
		const middle = [median(centres.map(([x]) => x)), median(centres.map(([, y]) => y))] as const;
		features.forEach((feature, index) => {
			const box = boxes[index];
			if (!box) return;
			const [x, y] = boxCentre(box);
			if (Math.max(Math.abs(x - middle[0]), Math.abs(y - middle[1])) <= REGENCY_SPAN) return;
			const number = featureNumber(index);
			throw new BoundaryFileError(
				coded('boundary.far_from_others', {
					file,
					feature: number,
					kode: feature.properties.kode,
					kabupaten,
					coordinates: rounded([x, y]),
					middle: rounded(middle),
					span: REGENCY_SPAN
				}),
				file,
				number,
				'geometry'
			);
		});
	}

	const islands = reference.islands;
	const whole = unionBox(boxes);
	if (!bundled && islands && whole && coverage >= ISLAND_COVERAGE && !boxesIntersect(expandBox(whole, ISLAND_MARGIN), islands)) {
		throw new BoundaryFileError(
			coded('boundary.away_from_islands', {
				file,
				kabupaten,
				islands: islands.count,
				box: rounded([whole.west, whole.south, whole.east, whole.north]),
				islandBox: rounded([islands.west, islands.south, islands.east, islands.north])
			}),
			file
		);
	}
}
