import { preparedSeries } from "./prepared-series";

/**
 * `merged`, the common table expression the seasonal checks share: the quarterly and monthly
 * values of the file's indicators once the file is accepted (the file's indicator-periods replace
 * the accepted ones), from the prepared tables (prepared-series.ts), with `from_file` saying
 * which are the file's.
 */
export function seasonalMergedCte(): string {
  const { file, accepted } = preparedSeries;
  const columns =
    "series, indicator_id, period, value, row, kind, part, previous_period, period_id, previous_id";
  return `merged AS (
  SELECT ${columns}, true AS from_file FROM ${file} WHERE value > -1 AND kind IN ${seasonalKinds}
  UNION ALL
  SELECT ${columns}, false AS from_file FROM ${accepted} a
  WHERE value > -1 AND kind IN ${seasonalKinds}
    AND NOT EXISTS (SELECT 1 FROM ${file} i WHERE i.indicator_id = a.indicator_id AND i.period_id = a.period_id)
)`;
}

/** Only quarters and months have a season; a year is compared by the year-on-year check. */
export const seasonalKinds = "('quarterly', 'monthly')";
