import { type DimensionName, dimensionNames } from "../catalog/schema";
import type { SqlParam } from "../db/engine";
import { observationsTable, tableColumns } from "../tables/table-descriptors";

export interface SqlQuery {
  sql: string;
  params: SqlParam[];
}

export type Selection = Partial<Record<DimensionName, string>>;

/** `dim = ?` for chosen codes, `dim IS NULL` (the total) for every other dimension. */
export function selectionFilter(selection: Selection, except?: DimensionName): SqlQuery {
  const parts: string[] = [];
  const params: SqlParam[] = [];
  for (const dimension of dimensionNames) {
    if (dimension === except) continue;
    const code = selection[dimension];
    if (code === undefined) parts.push(`${dimension} IS NULL`);
    else {
      parts.push(`${dimension} = ?`);
      params.push(code);
    }
  }
  return { sql: parts.join(" AND "), params };
}

const seriesColumns = "indicator_id, period, time, value, obs_status, source, note";

/** One series of one indicator, oldest first. */
export function buildSeriesSql(indicatorId: string, selection: Selection): SqlQuery {
  const filter = selectionFilter(selection);
  return {
    sql: `SELECT ${seriesColumns} FROM ${observationsTable} WHERE indicator_id = ? AND ${filter.sql} ORDER BY time`,
    params: [indicatorId, ...filter.params],
  };
}

/** Every code of one dimension (others at their totals), for a breakdown chart. */
export function buildBreakdownSql(indicatorId: string, dimension: DimensionName): SqlQuery {
  const filter = selectionFilter({}, dimension);
  return {
    sql: `SELECT ${dimension} AS code, period, time, value, obs_status, source, note FROM ${observationsTable} WHERE indicator_id = ? AND ${dimension} IS NOT NULL AND ${filter.sql} ORDER BY code, time`,
    params: [indicatorId, ...filter.params],
  };
}

/** The headline selection of each indicator: what the overview and its build-time snapshot query. */
export function headlineSpecs(
  indicators: readonly { id: string; headline: Selection }[],
): { indicatorId: string; selection: Selection }[] {
  return indicators.map((i) => ({ indicatorId: i.id, selection: i.headline }));
}

/** The headline series of many indicators in one scan, for the overview. */
export function buildHeadlineSeriesSql(
  specs: readonly { indicatorId: string; selection: Selection }[],
  columns: string = seriesColumns,
  table: string = observationsTable,
): SqlQuery {
  if (specs.length === 0) return { sql: `SELECT ${columns} FROM ${table} WHERE false`, params: [] };
  const params: SqlParam[] = [];
  const branches = specs.map(({ indicatorId, selection }) => {
    const filter = selectionFilter(selection);
    params.push(indicatorId, ...filter.params);
    return `(indicator_id = ? AND ${filter.sql})`;
  });
  return {
    sql: `SELECT ${columns} FROM ${table} WHERE ${branches.join(" OR ")} ORDER BY indicator_id, time`,
    params,
  };
}

/**
 * Every column of the rows behind the headline series: what a large published dataset ships
 * separately, so the overview can open without reading the rest.
 */
export function buildHeadlineRowsSql(
  specs: readonly { indicatorId: string; selection: Selection }[],
  table: string = observationsTable,
): SqlQuery {
  return buildHeadlineSeriesSql(specs, tableColumns.join(", "), table);
}
