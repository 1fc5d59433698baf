/** Small typed helpers for building SQL text safely. Values from files or users never go in raw. */

export function sqlString(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}

export function sqlIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

export function sqlList(values: readonly string[]): string {
	return values.map(sqlString).join(', ');
}
