import { describe, expect, it } from 'vitest';
import { opensOnRegister } from '../../src/lib/state/early-engine';

describe('which pages start DuckDB as the app starts', () => {
	it('the Dinsos screens do, at the site root or under a base path', () => {
		for (const path of ['/', '/data/', '/peta/', '/rencana/', '/verval/', '/mitra/bast/', '/cetak/bnba/']) {
			expect(opensOnRegister(path, '')).toBe(true);
			expect(opensOnRegister(`/tepat${path}`, '/tepat')).toBe(true);
		}
		expect(opensOnRegister('/tepat', '/tepat')).toBe(true);
	});

	it('the field kit and partner mode never do', () => {
		for (const path of ['/lapangan/', '/lapangan', '/tjsp/', '/tjsp/paket/']) {
			expect(opensOnRegister(path, '')).toBe(false);
			expect(opensOnRegister(`/tepat${path}`, '/tepat')).toBe(false);
		}
		// A Dinsos page whose name merely begins like theirs still does.
		expect(opensOnRegister('/lapangan-lama/', '')).toBe(true);
	});
});
