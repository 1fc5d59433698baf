import { BDT2015_CODES } from './bdt2015';
import { DTSEN_CODES } from './dtsen';
import type { CodeTable } from './types';

export { BDT2015_CODES } from './bdt2015';
export { DTSEN_CODES } from './dtsen';
export * from './types';

/** Code tables by id: one per source and questionnaire vintage. */
export const CODE_TABLES = {
	dtsen: DTSEN_CODES,
	bdt2015: BDT2015_CODES
} as const satisfies Record<string, CodeTable>;

export type CodeTableId = keyof typeof CODE_TABLES;
