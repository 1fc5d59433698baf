/**
 * The rows a field kit is cut from (issue 17 point 3): one village's worklist once verval has
 * begun, or, before it, every person of the village's register; then the kit itself with the
 * register's checksum, so results come back tied to the register they were made for.
 */
import { buildKit, type FieldKit, type KitBasis, type KitSourceRow } from '../core/fieldkit/kit';
import { rowsOf } from '../core/rows';
import { sqlString } from '../core/sql';
import type { Engine } from '../engine/types';
import { registerChecksum } from './allocation';
import { villageWorklist } from './verval';

const KIT_ROW = {
	household_id: 'string',
	kk: 'string?',
	alamat: 'string?',
	head_name: 'string?',
	person_id: 'string',
	nik: 'string?',
	name: 'string?',
	relation: 'string?',
	age: 'number?'
} as const;

const VILLAGE_ROW = { nama: 'string', kecamatan_nama: 'string' } as const;

function registerRowsSql(village: string): string {
	return `SELECT h.household_id, h.kk, h.alamat, h.head_name, p.person_id, p.nik, p.name, p.relation, p.age
FROM person p JOIN household h ON h.household_id = p.household_id
WHERE h.village_kode = ${sqlString(village)}
ORDER BY h.household_id, p.source_row, p.person_id`;
}

/** The people of `village` (dotted code) a kit of this basis lists, in visiting order. */
export async function fieldKitRows(engine: Engine, village: string, basis: KitBasis): Promise<KitSourceRow[]> {
	if (basis === 'worklist') return villageWorklist(engine, village);
	return rowsOf(await engine.query(registerRowsSql(village)), KIT_ROW);
}

/** The kit of one village for one officer; null when the reference has no such village. */
export async function fieldKit(
	engine: Engine,
	options: { village: string; basis: KitBasis; officer: string; createdAt: string }
): Promise<FieldKit | null> {
	const [village] = rowsOf(
		await engine.query(`SELECT nama, kecamatan_nama FROM village WHERE kode = ${sqlString(options.village)}`),
		VILLAGE_ROW
	);
	if (!village) return null;
	return buildKit(await fieldKitRows(engine, options.village, options.basis), {
		createdAt: options.createdAt,
		register: await registerChecksum(engine),
		village: { kode: options.village, nama: village.nama, kecamatan: village.kecamatan_nama },
		officer: options.officer,
		basis: options.basis
	});
}
