import type { DecimalSeparator } from "../number-format";
import { missingMarkers } from "../parse-number";
import { sqlText } from "./sql-literal";
import { jsWhitespaceClass } from "./staged-columns";

// The same patterns as parse-number.ts, in RE2.
const pointFormat = "^[-+]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?([eE][-+]?\\d+)?$|^[-+]?\\.\\d+$";
const commaFormat = "^[-+]?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?$";
const plainInteger = "^-?\\d{1,15}$";

/** The text of `cell` with every space (and no-break space) taken out. */
const compact = (cell: string) => `regexp_replace(${cell}, '${jsWhitespaceClass}', '', 'g')`;

/** How `parseNumber` reads the text of `cell`: 'number', 'missing' or 'invalid'. */
export function numberKindSql(cell: string, decimal: DecimalSeparator): string {
  const markers = [...missingMarkers].map(sqlText).join(", ");
  const format = decimal === "." ? pointFormat : commaFormat;
  return `CASE
    WHEN ${cell} = '' THEN 'missing'
    WHEN regexp_matches(${cell}, '${plainInteger}') THEN 'number'
    WHEN lower(${compact(cell)}) IN (${markers}) THEN 'missing'
    WHEN NOT regexp_matches(${compact(cell)}, '${format}') THEN 'invalid'
    WHEN isfinite(${numberValueSql(cell, decimal)}) THEN 'number'
    ELSE 'invalid' END`;
}

/** The number `parseNumber` reads from the text of `cell`, or NULL. */
export function numberValueSql(cell: string, decimal: DecimalSeparator): string {
  const plain =
    decimal === "."
      ? `replace(${compact(cell)}, ',', '')`
      : `replace(replace(${compact(cell)}, '.', ''), ',', '.')`;
  return `TRY_CAST(${plain} AS DOUBLE)`;
}
