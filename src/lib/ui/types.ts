/** Row shapes the overview tables render (counts may arrive as bigint from DuckDB). */
export interface KecamatanRow {
	kecamatan_kode: string;
	kecamatan_nama: string;
	villages: number | bigint;
	households: number | bigint;
	people: number | bigint;
}

export interface VillageRow {
	kode: string;
	nama: string;
	jenis?: string | null;
	households: number | bigint;
	people: number | bigint;
}
