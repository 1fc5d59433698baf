/**
 * The BAST log kept in the browser (state/bast-store.ts) over a stand-in localStorage: what is written
 * reads back the same (it is the log's own CSV); a damaged copy is refused with the log's error, never
 * half-read; a browser that refuses to store says so; and the last pack made reads back only whole.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BastRecord } from '../../src/lib/core/partner/bast';
import { CodedError } from '../../src/lib/core/messages';
import { readBastLog, readPackSent, writeBastLog, writePackSent } from '../../src/lib/state/bast-store';

class MemoryStorage {
	items = new Map<string, string>();
	full = false;
	getItem(key: string): string | null {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		if (this.full) throw new Error('QuotaExceededError');
		this.items.set(key, value);
	}
}

const RECORD: BastRecord = {
	number: '001/BAST/DINSOS/2027',
	handedOverAt: '2027-03-01T10:00:00+08:00',
	programme: 'water',
	pledgeId: 'P1',
	units: 2,
	fileName: 'serah-terima-csr-pt-a-p1-2027-03-01.enc',
	fileSha256: 'a'.repeat(64),
	firm: '=PT A, "Sejahtera"',
	recipientName: 'Rina',
	recipientContact: '0812',
	officerName: 'Budi',
	officerPosition: 'Kepala Bidang'
};

let storage: MemoryStorage;
const global = globalThis as { localStorage?: unknown };

beforeEach(() => {
	storage = new MemoryStorage();
	global.localStorage = storage;
});

afterEach(() => {
	delete global.localStorage;
});

describe('the BAST log in the browser', () => {
	it('is empty before anything is kept, and reads back what was written, formula-like text included', () => {
		expect(readBastLog()).toEqual({ records: [], error: null });
		const second = { ...RECORD, number: '002/BAST/DINSOS/2027', units: 5 };
		expect(writeBastLog([RECORD, second])).toBe(true);
		expect(readBastLog()).toEqual({ records: [RECORD, second], error: null });
	});

	it('refuses a damaged copy whole, with the log reader\u2019s error', () => {
		writeBastLog([RECORD]);
		const [key] = [...storage.items.keys()];
		storage.items.set(key ?? '', (storage.items.get(key ?? '') ?? '').replace('handed_over_at', 'when'));
		const read = readBastLog();
		expect(read.records).toEqual([]);
		expect(read.error).toBeInstanceOf(CodedError);
		expect((read.error as CodedError).said.code).toBe('partner.bast_log_header');
	});

	it('says false when the browser refuses to store it', () => {
		storage.full = true;
		expect(writeBastLog([RECORD])).toBe(false);
	});

	it('keeps the last pack made, and ignores a copy missing a field', () => {
		expect(readPackSent()).toBeNull();
		const sent = {
			checksum: 'b'.repeat(64),
			register: 'c'.repeat(64),
			createdAt: '2027-01-01T00:00:00.000Z',
			fileName: 'paket-mitra.tepat'
		};
		writePackSent(sent);
		expect(readPackSent()).toEqual(sent);
		storage.items.set('tepat.partner-pack.v1', JSON.stringify({ ...sent, register: 1 }));
		expect(readPackSent()).toBeNull();
	});
});
