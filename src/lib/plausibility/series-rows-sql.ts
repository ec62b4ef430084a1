import { periodKindSql, periodPartSql } from "./period-sql";
import { mergedRowsSql, type PlausibilityTables, rowsSql, seriesKeySql } from "./rows-sql";

/**
 * Two common table expressions the seasonal checks share: `incoming`, the file's quarterly and
 * monthly values with their series, kind and part of the year; `merged`, the values of the same
 * indicators once the file is accepted (the file's indicator-periods replace the accepted ones).
 */
export function seasonalSeriesCtes(tables: PlausibilityTables): string {
  const annotate = `${seriesKeySql} AS series, ${periodKindSql("period")} AS kind, ${periodPartSql("period")} AS part`;
  return `incoming AS (
  SELECT *, ${annotate} FROM (${rowsSql(tables.incoming)}) WHERE value > -1
), merged AS (
  SELECT indicator_id, period, value, row, ${annotate} FROM (${mergedRowsSql(tables)})
  WHERE value > -1 AND indicator_id IN (SELECT indicator_id FROM incoming)
)`;
}

/** Only quarters and months have a season; a year is compared by the year-on-year check. */
export const seasonalKinds = "('quarterly', 'monthly')";
