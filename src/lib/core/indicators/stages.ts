/**
 * Education stages of the canonical levels and certificates: what "has the SD certificate" means for
 * every level the sources list (SD, SDLB, MI, SPM Ula and Paket A are all SD-level, and so on).
 */
import type { Certificate, Level } from '../schema';

export type Stage = 'sd' | 'smp' | 'sma' | 'higher';

export const LEVEL_STAGE: Readonly<Record<Level, Stage>> = {
	paket_a: 'sd',
	sd: 'sd',
	sdlb: 'sd',
	mi: 'sd',
	spm_ula: 'sd',
	paket_b: 'smp',
	smp: 'smp',
	smplb: 'smp',
	mts: 'smp',
	spm_wustha: 'smp',
	paket_c: 'sma',
	sma: 'sma',
	smk: 'sma',
	sma_smk: 'sma',
	smlb: 'sma',
	ma: 'sma',
	mak: 'sma',
	spm_ulya: 'sma',
	d1_d3: 'higher',
	d4_s1: 'higher',
	profesi: 'higher',
	s2: 'higher',
	s3: 'higher',
	s2_s3: 'higher',
	higher: 'higher'
};

const ORDER: readonly Stage[] = ['sd', 'smp', 'sma', 'higher'];

/** Certificates whose stage is `stage` exactly ('none' is below every stage). */
export function certificatesOf(stage: Stage): Certificate[] {
	return (Object.keys(LEVEL_STAGE) as Level[]).filter((level) => LEVEL_STAGE[level] === stage);
}

/** Certificates at `stage` or above. */
export function certificatesFrom(stage: Stage): Certificate[] {
	const from = ORDER.indexOf(stage);
	return (Object.keys(LEVEL_STAGE) as Level[]).filter((level) => ORDER.indexOf(LEVEL_STAGE[level]) >= from);
}
