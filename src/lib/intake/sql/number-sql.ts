import type { DecimalSeparator } from "../number-format";
import { missingMarkers } from "../parse-number";
import { sqlText } from "./sql-literal";
import { jsWhitespaceClass } from "./staged-columns";

// The same patterns as parse-number.ts, in RE2.
const pointFormat = "^[-+]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?([eE][-+]?\\d+)?$|^[-+]?\\.\\d+$";
const commaFormat = "^[-+]?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?$";
const plainInteger = "^-?\\d{1,15}$";

/**
 * `cell` with `value_plain` (a plain integer: most cells of a statistics file, read without the
 * general rules) and `value_compact` (its text with every space and no-break space taken out),
 * computed once per row for the tests below.
 */
export function compactedSql(cell: string): string {
  return `regexp_matches(${cell}, '${plainInteger}') AS value_plain, CASE WHEN regexp_matches(${cell}, '${plainInteger}') THEN ${cell} ELSE regexp_replace(${cell}, '${jsWhitespaceClass}', '', 'g') END AS value_compact`;
}

/** The number `parseNumber` reads (given `compactedSql`'s columns), or NULL. */
export function numberValueSql(decimal: DecimalSeparator): string {
  const plain =
    decimal === "."
      ? "replace(value_compact, ',', '')"
      : "replace(replace(value_compact, '.', ''), ',', '.')";
  return `CASE WHEN value_plain THEN CAST(value_compact AS DOUBLE) ELSE TRY_CAST(${plain} AS DOUBLE) END`;
}

/** How `parseNumber` reads `cell` (given `compactedSql`'s columns): 'number', 'missing' or 'invalid'. */
export function numberKindSql(cell: string, decimal: DecimalSeparator): string {
  const markers = [...missingMarkers].map(sqlText).join(", ");
  const format = decimal === "." ? pointFormat : commaFormat;
  return `CASE
    WHEN ${cell} = '' THEN 'missing'
    WHEN value_plain THEN 'number'
    WHEN lower(value_compact) IN (${markers}) THEN 'missing'
    WHEN NOT regexp_matches(value_compact, '${format}') THEN 'invalid'
    WHEN isfinite(${numberValueSql(decimal)}) THEN 'number'
    ELSE 'invalid' END`;
}
