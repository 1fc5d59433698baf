/**
 * Builds the embedded village reference and boundaries of Kutai Kartanegara from the converted
 * cahyadsn/wilayah_boundaries GeoJSON (see ../shared/geo/README.md):
 *
 *   data/reference.json                    Reference (src/lib/core/reference.ts)
 *   data/boundaries/kukar-kecamatan.geojson  20 kecamatan, properties kode, nama, zona
 *   data/boundaries/kukar-desa.geojson       237 villages, properties kode, nama, kecamatan_kode, jenis, zona
 *
 * Usage: npx tsx scripts/build-reference.ts [geoDir]   (default ../shared/geo, relative to the project root)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kecamatan, Reference, Village, VillageKind, Zone } from '../src/lib/core/reference';
import { WILAYAH_ATTRIBUTION } from '../src/lib/core/wilayah';
import { KNOWN_ZONES } from '../src/lib/core/zones';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KABUPATEN = { kode: '64.02', nama: 'Kabupaten Kutai Kartanegara' } as const;
export const ATTRIBUTION = `Batas wilayah: cahyadsn/wilayah_boundaries (MIT). ${WILAYAH_ATTRIBUTION}`;

interface Feature {
	type: 'Feature';
	properties: Record<string, unknown>;
	geometry: { type: string; coordinates: unknown };
}
interface FeatureCollection {
	type: 'FeatureCollection';
	features: Feature[];
}

function zoneOf(kecamatanKode: string): Zone {
	const zone = KNOWN_ZONES[KABUPATEN.kode]?.[kecamatanKode];
	if (!zone) throw new Error(`Kecamatan ${kecamatanKode} has no zone`);
	return zone;
}

function kindOf(villageKode: string): VillageKind {
	const first = (villageKode.split('.')[3] ?? '').charAt(0);
	if (first === '1') return 'kelurahan';
	if (first === '2') return 'desa';
	throw new Error(`Village code ${villageKode}: last segment must start with 1 or 2`);
}

function text(properties: Record<string, unknown>, key: string): string {
	const value = properties[key];
	if (typeof value !== 'string' || value.trim() === '') {
		throw new Error(`Feature property ${key} missing: ${JSON.stringify(properties)}`);
	}
	return value.trim();
}

async function readCollection(path: string): Promise<FeatureCollection> {
	const parsed = JSON.parse(await readFile(path, 'utf8')) as FeatureCollection;
	if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
		throw new Error(`${path} is not a FeatureCollection`);
	}
	return parsed;
}

const byKode = (a: { kode: string }, b: { kode: string }) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0);

export async function buildReference(geoDir: string, outDir: string): Promise<Reference> {
	const kecamatanGeo = await readCollection(join(geoDir, 'kukar-kecamatan.simplified.geojson'));
	const desaGeo = await readCollection(join(geoDir, 'kukar-desa.simplified.geojson'));

	const kecamatan: Kecamatan[] = kecamatanGeo.features
		.map((f) => {
			const kode = text(f.properties, 'kode');
			if (!/^64\.02\.\d{2}$/.test(kode)) throw new Error(`Bad kecamatan code ${kode}`);
			return { kode, nama: text(f.properties, 'nama'), zona: zoneOf(kode) };
		})
		.sort(byKode);
	const kecamatanByKode = new Map(kecamatan.map((k) => [k.kode, k]));

	const villages: Village[] = desaGeo.features
		.map((f) => {
			const kode = text(f.properties, 'kode');
			if (!/^64\.02\.\d{2}\.\d{4}$/.test(kode)) throw new Error(`Bad village code ${kode}`);
			const kecamatanKode = text(f.properties, 'kecamatan_kode');
			const kec = kecamatanByKode.get(kecamatanKode);
			if (!kec || !kode.startsWith(`${kecamatanKode}.`)) {
				throw new Error(`Village ${kode} has unknown kecamatan ${kecamatanKode}`);
			}
			return {
				kode,
				nama: text(f.properties, 'nama'),
				jenis: kindOf(kode),
				kecamatan_kode: kec.kode,
				kecamatan_nama: kec.nama,
				zona: kec.zona
			};
		})
		.sort(byKode);

	const reference: Reference = { kabupaten: { ...KABUPATEN }, kecamatan, villages, attribution: ATTRIBUTION };

	const kecamatanOut: FeatureCollection = {
		type: 'FeatureCollection',
		features: kecamatanGeo.features
			.map((f): Feature => {
				const kode = text(f.properties, 'kode');
				const kec = kecamatanByKode.get(kode);
				if (!kec) throw new Error(`Unknown kecamatan ${kode}`);
				return {
					type: 'Feature',
					properties: { kode, nama: kec.nama, zona: kec.zona },
					geometry: f.geometry
				};
			})
			.sort((a, b) => byKode(a.properties as { kode: string }, b.properties as { kode: string }))
	};
	const villageByKode = new Map(villages.map((v) => [v.kode, v]));
	const desaOut: FeatureCollection = {
		type: 'FeatureCollection',
		features: desaGeo.features
			.map((f): Feature => {
				const v = villageByKode.get(text(f.properties, 'kode'));
				if (!v) throw new Error('unreachable');
				return {
					type: 'Feature',
					properties: {
						kode: v.kode,
						nama: v.nama,
						kecamatan_kode: v.kecamatan_kode,
						jenis: v.jenis,
						zona: v.zona
					},
					geometry: f.geometry
				};
			})
			.sort((a, b) => byKode(a.properties as { kode: string }, b.properties as { kode: string }))
	};

	await mkdir(join(outDir, 'boundaries'), { recursive: true });
	await writeFile(join(outDir, 'reference.json'), `${JSON.stringify(reference, null, '\t')}\n`);
	await writeFile(join(outDir, 'boundaries', 'kukar-kecamatan.geojson'), `${JSON.stringify(kecamatanOut)}\n`);
	await writeFile(join(outDir, 'boundaries', 'kukar-desa.geojson'), `${JSON.stringify(desaOut)}\n`);
	return reference;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
	const geoDir = resolve(ROOT, process.argv[2] ?? '../shared/geo');
	const reference = await buildReference(geoDir, join(ROOT, 'data'));
	const kelurahan = reference.villages.filter((v) => v.jenis === 'kelurahan').length;
	console.log(
		`data/reference.json: ${reference.kecamatan.length} kecamatan, ${reference.villages.length} villages ` +
			`(${reference.villages.length - kelurahan} desa, ${kelurahan} kelurahan); boundaries written.`
	);
}
