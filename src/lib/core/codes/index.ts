import { BDT2015_CODES } from './bdt2015';
import { DTSEN_CODES } from './dtsen';
import { P3KE_CODES } from './p3ke';
import type { CodeTable } from './types';

export { BDT2015_CODES } from './bdt2015';
export { DTSEN_CODES } from './dtsen';
export { P3KE_CODES } from './p3ke';
export * from './types';

/** Code tables by id: one per source and questionnaire vintage. */
export const CODE_TABLES = {
	dtsen: DTSEN_CODES,
	bdt2015: BDT2015_CODES,
	p3ke: P3KE_CODES
} as const satisfies Record<string, CodeTable>;

export type CodeTableId = keyof typeof CODE_TABLES;
