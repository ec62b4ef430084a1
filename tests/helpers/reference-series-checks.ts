import type { Catalog } from "../../src/lib/catalog/schema";
import { dimensionNames } from "../../src/lib/catalog/schema";
import type { Finding } from "../../src/lib/intake/findings";
import type { Observation } from "../../src/lib/observations/columns";
import { parsePeriod, sameTimeLastYear } from "../../src/lib/observations/period";

/*
 * The JavaScript checks the intake ran before plausibility moved into DuckDB
 * (src/lib/plausibility/unusual-jump.ts, subgroup-exceeds-total.ts), kept as the reference the
 * SQL is compared with on every fixture (tests/integration/plausibility-parity.test.ts).
 */

/**
 * Series keys, remembered per breakdown object: intake shares one object among the rows of a
 * breakdown, so a million rows build a few thousand keys instead of a million.
 */
function seriesKeys(): (o: Observation) => string {
  const byIndicator = new Map<string, Map<object, string>>();
  return (o) => {
    let known = byIndicator.get(o.indicator_id);
    if (!known) {
      known = new Map();
      byIndicator.set(o.indicator_id, known);
    }
    let key = known.get(o.dimensions);
    if (key === undefined) {
      key = o.indicator_id;
      for (const d of dimensionNames) key += `\u0000${o.dimensions[d] ?? ""}`;
      known.set(o.dimensions, key);
    }
    return key;
  };
}

function dimensionCount(o: Observation): number {
  let n = 0;
  for (const d of dimensionNames) if (o.dimensions[d] !== undefined) n++;
  return n;
}

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
  const overlapping = new Set(
    catalog.indicators.flatMap((i) => i.overlapping.map((d) => `${i.id}\u0000${d}`)),
  );
  // Only totals and one-dimension breakdowns take part: the rest are never collected.
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    if (!additive.has(o.indicator_id) || o.value === null || dimensionCount(o) > 1) continue;
    const key = `${o.indicator_id}\u0000${o.period}`;
    const members = groups.get(key);
    if (members) members.push(o);
    else groups.set(key, [o]);
  }
  const findings: Finding[] = [];
  for (const members of groups.values()) {
    const total = members.find((o) => dimensionCount(o) === 0);
    if (!total || total.value === null) continue;
    for (const dimension of dimensionNames) {
      if (overlapping.has(`${total.indicator_id}\u0000${dimension}`)) continue;
      const parts = members.filter((o) => o.dimensions[dimension] !== undefined);
      const sum = parts.reduce((s, o) => s + (o.value ?? 0), 0);
      if (parts.length > 0 && sum > total.value + 1e-9 * Math.max(1, Math.abs(total.value))) {
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
  // A typed array sorts numbers natively, several times faster than a comparator.
  const sorted = Float64Array.from(values).sort();
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
  const put = (o: Observation, key: string) => {
    if (o.value === null) return;
    let byPeriod = series.get(key);
    if (!byPeriod) {
      byPeriod = new Map<string, number>();
      series.set(key, byPeriod);
    }
    byPeriod.set(o.period, o.value);
  };
  const seriesKey = seriesKeys();
  for (const o of history) put(o, seriesKey(o));
  const incomingKeys = incoming.map(seriesKey);
  for (const [i, o] of incoming.entries()) put(o, incomingKeys[i] ?? "");

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
  for (const [i, o] of incoming.entries()) {
    if (o.value === null) continue;
    const key = incomingKeys[i] ?? "";
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
