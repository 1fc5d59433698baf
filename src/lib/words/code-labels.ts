/**
 * The register's canonical code values in words (roof 'thatch', water 'unprotected_well', verval
 * 'found' …), in a given language or the UI's. Core keeps English codes; people read these, on the
 * screens and in the files.
 */
import type { Floor, Roof, Verval, Wall, Water } from '../core/schema';
import { m } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';

type Label = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const VERVAL_LABELS: Record<Verval, Label> = {
	found: m.verval_found,
	not_found: m.verval_not_found,
	deceased: m.verval_deceased,
	moved: m.verval_moved,
	well_off: m.verval_well_off,
	out_of_regency: m.verval_out_of_regency,
	new_member: m.verval_new_member,
	unverified: m.verval_unverified
};

const ROOF_LABELS: Record<Roof, Label> = {
	concrete: m.roof_concrete,
	tile: m.roof_tile,
	ceramic_tile: m.roof_ceramic_tile,
	metal_tile: m.roof_metal_tile,
	clay_tile: m.roof_clay_tile,
	asbestos: m.roof_asbestos,
	zinc: m.roof_zinc,
	shingle: m.roof_shingle,
	bamboo: m.roof_bamboo,
	thatch: m.roof_thatch,
	other: m.roof_other
};

const WALL_LABELS: Record<Wall, Label> = {
	masonry: m.wall_masonry,
	plastered_bamboo: m.wall_plastered_bamboo,
	wood: m.wall_wood,
	woven_bamboo: m.wall_woven_bamboo,
	log: m.wall_log,
	bamboo: m.wall_bamboo,
	other: m.wall_other
};

const FLOOR_LABELS: Record<Floor, Label> = {
	marble_granite: m.floor_marble_granite,
	ceramic: m.floor_ceramic,
	parquet_vinyl: m.floor_parquet_vinyl,
	tile_terrazzo: m.floor_tile_terrazzo,
	wood: m.floor_wood,
	wood_good: m.floor_wood_good,
	wood_poor: m.floor_wood_poor,
	cement_brick: m.floor_cement_brick,
	bamboo: m.floor_bamboo,
	earth: m.floor_earth,
	other: m.floor_other
};

const WATER_LABELS: Record<Water, Label> = {
	bottled: m.water_bottled,
	refill: m.water_refill,
	tap: m.water_tap,
	tap_metered: m.water_tap_metered,
	tap_retail: m.water_tap_retail,
	bore_well: m.water_bore_well,
	protected_well: m.water_protected_well,
	unprotected_well: m.water_unprotected_well,
	protected_spring: m.water_protected_spring,
	unprotected_spring: m.water_unprotected_spring,
	surface: m.water_surface,
	rain: m.water_rain,
	other: m.water_other
};

export const vervalLabel = (v: Verval, locale?: Locale): string => VERVAL_LABELS[v]({}, { locale });
export const roofLabel = (v: Roof, locale?: Locale): string => ROOF_LABELS[v]({}, { locale });
export const wallLabel = (v: Wall, locale?: Locale): string => WALL_LABELS[v]({}, { locale });
export const floorLabel = (v: Floor, locale?: Locale): string => FLOOR_LABELS[v]({}, { locale });
export const waterLabel = (v: Water, locale?: Locale): string => WATER_LABELS[v]({}, { locale });
