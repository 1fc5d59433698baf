/**
 * Which regency a register belongs to (issue 11 point 1): the one most of its households' village codes
 * name. Rows whose codes carry no province and regency part (kecamatan + desa parts only, or village
 * names only) cannot vote; a register with no such row keeps the regency in use or the user's choice.
 * Rows of other regencies are kept and reported, never dropped.
 */
import { coded } from '../core/messages';
import type { Reference } from '../core/reference';
import { createTableSql } from '../core/catalog';
import { caseWhen, select, sqlIdent, sqlString, withCtes } from '../core/sql';
import {
	detectRegency,
	findRegency,
	regencyReference,
	type Regency,
	type RegencyVote,
	type WilayahIndex,
	type WilayahSource
} from '../core/wilayah';
import type { Engine } from '../engine/types';
import { householdCtes, type NormaliseInput } from './normalise';
import { IngestError } from './types';

/** How the register's regency was decided. */
export type RegencyBasis = 'detected' | 'chosen' | 'kept' | 'fixed';

export interface RegencyOutcome {
	kode: string;
	nama: string;
	basis: RegencyBasis;
	/** Households whose codes name this regency, and all households whose codes name one. */
	households: number;
	voting: number;
	/** Households whose codes name another regency (kept, counted apart), largest first. */
	others: { kode: string; nama: string | null; households: number }[];
}

/** Province+regency code ('64.03') of each household's village code, where the row gives one. */
function regencyOfRowSql(input: NormaliseInput): string {
	const m = input.household.mapping;
	const digits = (field: string) => `NULLIF(regexp_replace(${sqlIdent(`f_${field}`)}, '[^0-9]', '', 'g'), '')`;
	const desa = digits('village_desa');
	const prov = digits('village_prov');
	const kab = digits('village_kab');
	const fromVillage = m['village_desa']
		? caseWhen([[`length(${desa}) = 10`, `substr(${desa}, 1, 2) || '.' || substr(${desa}, 3, 2)`]])
		: 'NULL';
	const fromParts =
		m['village_prov'] && m['village_kab']
			? caseWhen([
					[`length(${prov}) <= 2 AND length(${kab}) BETWEEN 1 AND 4`, `lpad(${prov}, 2, '0') || '.' || right(lpad(${kab}, 2, '0'), 2)`]
				])
			: 'NULL';
	return `coalesce(${fromVillage}, ${fromParts})`;
}

/** Households per regency named by their codes (rows without one are left out). */
export async function regencyVotes(engine: Engine, input: NormaliseInput): Promise<RegencyVote[]> {
	const votes = select({
		select: ['kab AS kode', 'count(*)::BIGINT AS households'],
		from: `(SELECT ${regencyOfRowSql(input)} AS kab FROM hh)`,
		where: ['kab IS NOT NULL'],
		groupBy: ['kab'],
		orderBy: ['households DESC', 'kab']
	});
	const table = await engine.query(withCtes(householdCtes(input), votes));
	return table.toArray().map((row) => {
		const r = row.toJSON() as { kode: string; households: bigint | number };
		return { kode: String(r.kode), households: Number(r.households) };
	});
}

function namedVotes(votes: readonly RegencyVote[], index: WilayahIndex): { kode: string; nama: string | null; households: number }[] {
	return votes.slice(0, 5).map((v) => ({ kode: v.kode, nama: findRegency(index, v.kode)?.nama ?? null, households: v.households }));
}

function outcome(
	regency: { kode: string; nama: string },
	basis: RegencyBasis,
	votes: readonly RegencyVote[],
	index: WilayahIndex | null
): RegencyOutcome {
	const voting = votes.reduce((sum, v) => sum + v.households, 0);
	return {
		kode: regency.kode,
		nama: regency.nama,
		basis,
		households: votes.find((v) => v.kode === regency.kode)?.households ?? 0,
		voting,
		others: votes
			.filter((v) => v.kode !== regency.kode)
			.map((v) => ({ kode: v.kode, nama: index ? (findRegency(index, v.kode)?.nama ?? null) : null, households: v.households }))
	};
}

export interface RegencyChoice {
	/** Indonesia's areas; without it the given reference is used as it is (tests, `--reference`). */
	wilayah?: WilayahSource;
	/** A regency the user chose (any writing of its code): overrules detection. */
	chosen?: string;
}

/**
 * The reference the register is normalised against and how it was decided. `current` is the reference
 * in use (kept when the register's codes name no regency). Codes naming no regency of Indonesia, or two
 * regencies with equally many households, are refused with a message saying what to choose.
 */
export async function resolveRegency(
	engine: Engine,
	input: NormaliseInput,
	current: Reference,
	choice: RegencyChoice,
	file: string
): Promise<{ reference: Reference; regency: RegencyOutcome }> {
	const votes = await regencyVotes(engine, input);
	const { wilayah } = choice;
	if (!wilayah) return { reference: current, regency: outcome(current.kabupaten, 'fixed', votes, null) };
	const index = await wilayah.index();
	const use = async (regency: Regency, basis: RegencyBasis) => {
		const reference =
			regency.kode === current.kabupaten.kode ? current : regencyReference(regency, await wilayah.province(regency.kode.slice(0, 2)));
		return { reference, regency: outcome(regency, basis, votes, index) };
	};
	if (choice.chosen) {
		const chosen = findRegency(index, choice.chosen);
		if (!chosen) throw new IngestError(coded('ingest.regency_unknown', { regency: choice.chosen }), file);
		return use(chosen, 'chosen');
	}
	const detected = detectRegency(index, votes);
	switch (detected.kind) {
		case 'found':
			return use(detected.regency, 'detected');
		case 'no_codes':
			return { reference: current, regency: outcome(current.kabupaten, 'kept', votes, index) };
		case 'unknown':
			throw new IngestError(coded('ingest.regency_unmatched', { file, votes: namedVotes(detected.votes, index) }), file);
		case 'tie':
			throw new IngestError(
				coded('ingest.regency_tie', {
					file,
					households: detected.households,
					regencies: detected.regencies.map((r) => ({ kode: r.kode, nama: r.nama }))
				}),
				file
			);
	}
}

/** Statements creating `target` (canonical `register_region`) with the register's regency. */
export function regionStatements(regency: RegencyOutcome, target: string): string[] {
	const values = [...[regency.kode, regency.nama, regency.basis].map(sqlString), regency.households, regency.voting];
	return [createTableSql('register_region', target), `INSERT INTO ${target} VALUES (${values.join(', ')})`];
}
