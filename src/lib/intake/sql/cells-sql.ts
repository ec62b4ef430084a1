import { sqlName } from "./sql-literal";
import {
  jsWhitespaceChars,
  jsWhitespaceClass,
  type StagedColumn,
  stagedName,
} from "./staged-columns";

const trimmed = (expression: string) => {
  const ends = `left(${expression}, 1) IN (${jsWhitespaceChars}) OR right(${expression}, 1) IN (${jsWhitespaceChars})`;
  // Most cells have nothing to trim: tested by their two ends, not by a regular expression.
  return `CASE WHEN ${ends} THEN regexp_replace(${expression}, '^${jsWhitespaceClass}+|${jsWhitespaceClass}+$', '', 'g') ELSE ${expression} END`;
};

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
