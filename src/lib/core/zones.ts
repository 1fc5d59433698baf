/**
 * Planning zones of kecamatan. Zones are one regency's practice, not a national list: Kukar's Disperkim
 * plans by upriver, central and coastal kecamatan (reaching the coast or upriver costs more); every
 * other regency starts with one zone, and the plan can assign its kecamatan to zones of its own.
 */

/** The zone of a regency whose zones nobody has set. */
export const DEFAULT_ZONE = 'umum';

/** Kukar's zones (Disperkim), by kecamatan code. */
const KUKAR_ZONES: Record<string, string> = Object.fromEntries(
	(
		[
			['pesisir', ['04', '05', '13', '14', '15', '17', '20']],
			['hulu', ['01', '08', '09', '10', '11', '12', '18', '19']],
			['tengah', ['02', '03', '06', '07', '16']]
		] as const
	).flatMap(([zone, parts]) => parts.map((part) => [`64.02.${part}`, zone]))
);

/** Zones a regency is known to plan by, by regency code and then kecamatan code. */
export const KNOWN_ZONES: Readonly<Record<string, Readonly<Record<string, string>>>> = { '64.02': KUKAR_ZONES };

/**
 * The zones a plan works with for a regency, each once: the reference's zones (in kecamatan order),
 * then zones the plan assigns kecamatan to or prices, in name order.
 */
export function zonesInUse(
	plan: { kecamatanZones: Readonly<Record<string, string>>; zoneCostMultiplier: Readonly<Record<string, number>> },
	kecamatan: readonly { kode: string; zona: string }[]
): string[] {
	const fromReference = [...new Set(kecamatan.map((k) => k.zona))];
	const known = new Set(fromReference);
	// A zone the plan prices at 1× and gives no kecamatan changes nothing: the default plan's hulu/tengah/
	// pesisir are not shown for a regency that does not plan by them.
	const priced = Object.entries(plan.zoneCostMultiplier)
		.filter(([, multiplier]) => multiplier !== 1)
		.map(([zone]) => zone);
	const fromPlan = [...new Set([...Object.values(plan.kecamatanZones), ...priced])]
		.filter((zone) => !known.has(zone))
		.sort((a, b) => a.localeCompare(b, 'id'));
	return [...fromReference, ...fromPlan];
}
