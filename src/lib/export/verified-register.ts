/**
 * The verified register as CSV (issue 13 point 5): the register's own headers and Tepat's four status
 * columns after them (queries/verified-register.ts), one row per person. Formula-neutralised like
 * every CSV Tepat writes (csv.ts); identifiers stay text digit for digit.
 */
import type { VerifiedRegister } from '../queries/verified-register';
import { toCsv } from './csv';

export const VERIFIED_REGISTER_FILE = 'register-terverifikasi.csv';

export function verifiedRegisterCsv(register: VerifiedRegister): string {
	return toCsv(register.headers, register.rows);
}
