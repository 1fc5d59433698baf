/** exceljs, for writing workbooks (report export); the ingest reader does not use it. */
type ExcelJs = typeof import('exceljs');

let exceljs: Promise<ExcelJs> | undefined;
/** exceljs, loaded once (it is large). Node gets the CommonJS build (default export), the browser its bundled build. */
export function loadExcelJs(): Promise<ExcelJs> {
	exceljs ??= import('exceljs').then((mod) => (mod as ExcelJs & { default?: ExcelJs }).default ?? mod);
	return exceljs;
}
