import type { Catalog } from "../catalog/schema";
import { dimensionNames } from "../catalog/schema";
import type { Observation } from "../observations/columns";
import { parsePeriod, sameTimeLastYear } from "../observations/period";
import type { Finding } from "./findings";

const seriesKey = (o: Observation) =>
  [o.indicator_id, ...dimensionNames.map((d) => o.dimensions[d] ?? "")].join("\u0000");

/** Counts whose subgroups (one dimension at a time) add up to more than their total. */
export function subgroupExceedsTotal(
  catalog: Catalog,
  observations: readonly Observation[],
  file: string,
): Finding[] {
  const additive = new Set(
    catalog.indicators
      .filter((i) => i.unit === "count" || i.unit === "currency_usd")
      .map((i) => i.id),
  );
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    if (!additive.has(o.indicator_id) || o.value === null) continue;
    const key = `${o.indicator_id}\u0000${o.period}`;
    const members = groups.get(key);
    if (members) members.push(o);
    else groups.set(key, [o]);
  }
  const findings: Finding[] = [];
  for (const members of groups.values()) {
    const total = members.find((o) => Object.keys(o.dimensions).length === 0);
    if (!total || total.value === null) continue;
    for (const dimension of dimensionNames) {
      const parts = members.filter(
        (o) => Object.keys(o.dimensions).length === 1 && o.dimensions[dimension] !== undefined,
      );
      const sum = parts.reduce((s, o) => s + (o.value ?? 0), 0);
      if (parts.length > 0 && sum > total.value + 1e-9) {
        findings.push({
          severity: "warning",
          code: "subgroup_exceeds_total",
          file,
          ...(total.row === undefined ? {} : { row: total.row }),
          column: dimension,
          value: String(total.value),
          detail: {
            dimension,
            sum,
            total: total.value,
            period: total.period,
            indicator: total.indicator_id,
          },
        });
      }
    }
  }
  return findings;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Below this many earlier year-on-year changes a series has no spread of its own to judge by. */
const minimumHistory = 4;
/** Without history: more than three-fold up or down is unusual. */
const fallbackLogThreshold = Math.log(3);
/** Never flag a change smaller than half again, however regular the series. */
const floorLogThreshold = Math.log(1.5);
const madScale = 1.4826;
const robustK = 4;

/** The same period a year earlier, memoised: a file repeats the same few periods many times. */
function previousPeriodLookup(): (period: string) => string | null {
  const cache = new Map<string, string | null>();
  return (period) => {
    let previous = cache.get(period);
    if (previous === undefined) {
      const parsed = parsePeriod(period);
      previous = parsed.ok ? sameTimeLastYear(parsed.period).code : null;
      cache.set(period, previous);
    }
    return previous;
  };
}

interface SeriesSpread {
  median: number;
  mad: number;
  count: number;
}

/**
 * Flags a value whose change against the same period a year earlier is far outside the series'
 * own year-on-year changes (median ± 4 robust standard deviations, from the MAD). Comparing the
 * same quarter keeps seasonality from raising alarms. Each series' spread is computed once.
 */
export function unusualJumps(
  history: readonly Observation[],
  incoming: readonly Observation[],
  file: string,
): Finding[] {
  const series = new Map<string, Map<string, number>>();
  const put = (o: Observation) => {
    if (o.value === null) return;
    const key = seriesKey(o);
    let byPeriod = series.get(key);
    if (!byPeriod) {
      byPeriod = new Map<string, number>();
      series.set(key, byPeriod);
    }
    byPeriod.set(o.period, o.value);
  };
  for (const o of history) put(o);
  for (const o of incoming) put(o);

  const previousOf = previousPeriodLookup();
  const change = (current: number, previous: number) => Math.log((current + 1) / (previous + 1));
  const spreads = new Map<string, SeriesSpread>();
  const spreadOf = (key: string, byPeriod: Map<string, number>): SeriesSpread => {
    const known = spreads.get(key);
    if (known) return known;
    const changes: number[] = [];
    for (const [period, value] of byPeriod) {
      const before = previousOf(period);
      const earlier = before ? byPeriod.get(before) : undefined;
      if (earlier !== undefined) changes.push(change(value, earlier));
    }
    const m = median(changes);
    const spread = {
      median: m,
      mad: median(changes.map((x) => Math.abs(x - m))),
      count: changes.length,
    };
    spreads.set(key, spread);
    return spread;
  };

  const findings: Finding[] = [];
  for (const o of incoming) {
    if (o.value === null) continue;
    const key = seriesKey(o);
    const byPeriod = series.get(key);
    const previousPeriod = previousOf(o.period);
    const previous = previousPeriod ? byPeriod?.get(previousPeriod) : undefined;
    if (!byPeriod || previous === undefined) continue;
    const current = change(o.value, previous);
    // The series' own changes, this one included: one point barely moves a median.
    const spread = spreadOf(key, byPeriod);
    const unusual =
      spread.count - 1 < minimumHistory
        ? Math.abs(current) > fallbackLogThreshold
        : Math.abs(current - spread.median) >
          Math.max(robustK * madScale * spread.mad, floorLogThreshold);
    if (unusual) {
      findings.push({
        severity: "warning",
        code: "unusual_jump",
        file,
        ...(o.row === undefined ? {} : { row: o.row }),
        column: "value",
        value: String(o.value),
        detail: {
          previous,
          previousPeriod: previousPeriod ?? "",
          percent: Math.round((o.value / (previous || 1) - 1) * 100),
        },
      });
    }
  }
  return findings;
}
