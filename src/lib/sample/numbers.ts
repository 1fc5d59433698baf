/**
 * NIK and KK numbers of the synthetic register: where each was issued (six-digit province + regency +
 * kecamatan) and the numbers themselves (region + DDMMYY + serial), DOMAIN.md §2f.
 */
import type { Rng } from './prng';

/**
 * Regions where some residents' NIK or KK was issued (province+regency, number of kecamatan, weight).
 * The register's own regency is left out; Kukar comes last so that leaving it out keeps the order of
 * the rest (Kukar's bundled sample draws from exactly the first eleven).
 */
const MIGRATION_SOURCES: readonly (readonly [string, number, number])[] = [
	['6472', 10, 30], // Samarinda
	['6471', 6, 20], // Balikpapan
	['6408', 18, 6], // Kutai Timur
	['6407', 16, 5], // Kutai Barat
	['6401', 10, 4], // Paser
	['7308', 27, 8], // Bone
	['7313', 14, 6], // Wajo
	['7371', 15, 4], // Makassar
	['6371', 5, 5], // Banjarmasin
	['3502', 21, 3], // Ponorogo
	['3578', 31, 3], // Surabaya
	['6402', 20, 10] // Kutai Kartanegara
];

/**
 * Kecamatan split from another after many of their residents' NIKs were issued: those NIKs keep the
 * parent's code (Kota Bangun Darat from Kota Bangun, Samboja Barat from Samboja).
 */
const SPLIT_FROM: Readonly<Record<string, string>> = { '640219': '640208', '640220': '640213' };

/** Draws the six-digit issuing region of NIK and KK numbers for a register of one regency. */
export class IssuingRegions {
	private readonly elsewhere: readonly (readonly [string, number, number])[];

	/** `prefix`: the register's province+regency digits, e.g. '6402'. */
	constructor(private readonly prefix: string) {
		this.elsewhere = MIGRATION_SOURCES.filter(([region]) => region !== prefix);
	}

	private other(rng: Rng): string {
		const [region, kecCount] = rng.weighted(this.elsewhere.map((r) => [r, r[2]] as const));
		return `${region}${String(rng.int(1, kecCount)).padStart(2, '0')}`;
	}

	/**
	 * Where a NIK was issued: usually the person's own kecamatan, sometimes the parent kecamatan before
	 * a split, and a few per cent elsewhere (the NIK prefix is where it was issued, not the domicile).
	 */
	nik(rng: Rng, kec: string, birthYear: number, outsideShare: number): string {
		if (rng.chance(outsideShare)) return this.other(rng);
		const own = `${this.prefix}${kec}`;
		if (birthYear < 2019 && rng.chance(0.6)) return SPLIT_FROM[own] ?? own;
		return own;
	}

	kk(rng: Rng, kec: string): string {
		return rng.chance(0.02) ? this.other(rng) : `${this.prefix}${kec}`;
	}
}

/** Hands out unique 16-digit numbers: 6-digit region + DDMMYY + 4-digit serial per (region, date). */
export class NumberIssuer {
	private readonly serials = new Map<string, number>();

	issue(region: string, ddmmyy: string): string {
		const prefix = region + ddmmyy;
		const next = (this.serials.get(prefix) ?? 0) + 1;
		if (next > 9999) throw new Error(`Serial overflow for ${prefix}`);
		this.serials.set(prefix, next);
		return prefix + String(next).padStart(4, '0');
	}
}

/** DDMMYY of an ISO date; women's day + 40 (NIK rule). */
export function ddmmyy(isoDate: string, female: boolean): string {
	const day = Number(isoDate.slice(8, 10)) + (female ? 40 : 0);
	return `${String(day).padStart(2, '0')}${isoDate.slice(5, 7)}${isoDate.slice(2, 4)}`;
}
