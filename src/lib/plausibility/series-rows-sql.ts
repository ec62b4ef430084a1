import { dimensionNames } from "../catalog/schema";
import { periodKindSql, periodPartSql } from "./period-sql";
import { type PlausibilityTables, rowsSql, tableName } from "./rows-sql";

/**
 * A series is an indicator with one combination of breakdown codes: windows partition by these
 * columns themselves, which is cheaper than by one long text key made of them.
 */
export const seriesColumnsSql = ["indicator_id", ...dimensionNames].join(", ");

/**
 * Two common table expressions the seasonal checks share: `incoming`, the file's quarterly and
 * monthly values with their series, kind and part of the year; `merged`, the values of the same
 * indicators once the file is accepted (the file's indicator-periods replace the accepted ones),
 * with `from_file` saying which are the file's.
 */
export function seasonalSeriesCtes(tables: PlausibilityTables): string {
  const annotate = `${periodKindSql("period")} AS kind, ${periodPartSql("period")} AS part`;
  return `incoming AS (
  SELECT *, ${annotate} FROM (${rowsSql(tables.incoming)}) WHERE value > -1
), merged AS (
  SELECT ${seriesColumnsSql}, period, value, row, kind, part, true AS from_file FROM incoming
  UNION ALL
  SELECT ${seriesColumnsSql}, period, value, row, ${annotate}, false AS from_file FROM (${rowsSql(tables.history)}) h
  WHERE value > -1 AND indicator_id IN (SELECT indicator_id FROM incoming)
    AND NOT EXISTS (SELECT 1 FROM ${tableName(tables.incoming)} i WHERE i.indicator_id = h.indicator_id AND i.period = h.period)
)`;
}

/** Only quarters and months have a season; a year is compared by the year-on-year check. */
export const seasonalKinds = "('quarterly', 'monthly')";
