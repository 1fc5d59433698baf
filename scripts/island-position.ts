/** Kemendagri's island coordinates as idn-area-data writes them (islands.csv), read for scripts/build-wilayah.ts. */

/** `00°38'21.99" S 117°28'50.99" E` as [longitude, latitude] in degrees; null when it is not written so. */
export function islandPosition(text: string): [number, number] | null {
	const match = /(\d+)°\s*(\d+)'\s*([\d.]+)"\s*([NS])\s+(\d+)°\s*(\d+)'\s*([\d.]+)"\s*([EW])/.exec(text);
	if (!match) return null;
	const degrees = (d: string | undefined, m: string | undefined, s: string | undefined) => Number(d) + Number(m) / 60 + Number(s) / 3600;
	const latitude = degrees(match[1], match[2], match[3]) * (match[4] === 'S' ? -1 : 1);
	const longitude = degrees(match[5], match[6], match[7]) * (match[8] === 'W' ? -1 : 1);
	return Number.isFinite(latitude) && Number.isFinite(longitude) ? [longitude, latitude] : null;
}
