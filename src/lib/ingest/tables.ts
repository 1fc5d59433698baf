import { PERSISTED_TABLES, type PersistedTable } from '../core/catalog';

/**
 * The tables one load leaves behind that are kept with the register (the browser's stored copy, the
 * prebuilt sample), so the regency and the report are there again after a reload. The catalog
 * (core/catalog) says which.
 */
export const REGISTER_TABLES = PERSISTED_TABLES;
export type RegisterTable = PersistedTable;
