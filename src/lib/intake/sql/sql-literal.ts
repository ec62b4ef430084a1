/**
 * A text the code itself chose (a marker, a pattern, a header label) as a SQL literal. Values read
 * from a file never go through here: they reach DuckDB as staged data.
 */
export const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** An identifier, quoted. */
export const sqlName = (name: string) => `"${name.replaceAll('"', '""')}"`;
