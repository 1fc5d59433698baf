/** Plain groupings the verval print pages show (no state: called inside `$derived`). */
import type { Village } from '$lib/core/reference';
import type { QualityCount } from '$lib/queries/fieldwork';

/** Quality findings per village code, summed over the checks. */
export function findingsByVillage(checks: readonly QualityCount[]): ReadonlyMap<string, number> {
	const byVillage = new Map<string, number>();
	for (const check of checks) {
		if (check.village_kode !== null) byVillage.set(check.village_kode, (byVillage.get(check.village_kode) ?? 0) + check.findings);
	}
	return byVillage;
}

/** Villages by kecamatan code, both in code order. */
export function villagesByKecamatan(villages: readonly Village[]): [string, Village[]][] {
	const groups = new Map<string, Village[]>();
	for (const v of [...villages].sort((a, b) => a.kode.localeCompare(b.kode))) {
		const list = groups.get(v.kecamatan_kode);
		if (list) list.push(v);
		else groups.set(v.kecamatan_kode, [v]);
	}
	return [...groups.entries()];
}
