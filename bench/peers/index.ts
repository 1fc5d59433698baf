import { arquero } from './arquero';
import { arrowLoops } from './arrow-loops';
import { duckdbNative } from './duckdb-native';
import { sqliteWasm } from './sqlite';
import type { Peer } from './types';

/** Every peer, DuckDB native first (the ratios' base). */
export const PEERS: readonly Peer[] = [duckdbNative, arquero, sqliteWasm, arrowLoops];

export function peerById(id: string): Peer {
	const peer = PEERS.find((p) => p.id === id);
	if (!peer) throw new Error(`unknown peer ${id}; known: ${PEERS.map((p) => p.id).join(', ')}`);
	return peer;
}
