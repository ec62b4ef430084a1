import { sqlName } from "./sql-literal";
import { jsWhitespaceClass, type StagedColumn, stagedName } from "./staged-columns";

// RE2 replaces fast; testing a cell's two ends against a list of characters first was slower.
const trimmed = (expression: string) =>
  `regexp_replace(${expression}, '^${jsWhitespaceClass}+|${jsWhitespaceClass}+$', '', 'g')`;

/**
 * The staged rows (`intake_raw`: `row` and one VARCHAR per column the file or the officer gives)
 * as the rules read them: for each rule column its raw text (`raw_<column>`) and its text
 * trimmed the way JavaScript trims (`<column>`); a constant is read as given, an absent column
 * as empty.
 */
export function cellsSql(columns: readonly StagedColumn[]): string {
  const select = columns.flatMap(({ column, from }) => {
    const name = sqlName(column);
    const raw = sqlName(`raw_${column}`);
    if (from === "absent") return [`'' AS ${raw}`, `'' AS ${name}`];
    const staged = `coalesce(${sqlName(stagedName(column))}, '')`;
    if (from === "constant") return [`${staged} AS ${raw}`, `${staged} AS ${name}`];
    return [`${staged} AS ${raw}`, `${trimmed(staged)} AS ${name}`];
  });
  return `CREATE OR REPLACE TABLE intake_cells AS SELECT CAST("row" AS INTEGER) AS "row", ${select.join(", ")} FROM intake_raw`;
}
