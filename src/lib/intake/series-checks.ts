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

/**
 * Flags a value whose change against the same period a year earlier is far outside the series'
 * own year-on-year changes (median ± 4 robust standard deviations, from the MAD). Comparing the
 * same quarter keeps seasonality from raising alarms.
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
    const byPeriod = series.get(key) ?? new Map<string, number>();
    byPeriod.set(o.period, o.value);
    series.set(key, byPeriod);
  };
  for (const o of history) put(o);
  for (const o of incoming) put(o);

  const change = (current: number, previous: number) => Math.log((current + 1) / (previous + 1));
  const previousOf = (period: string) => {
    const parsed = parsePeriod(period);
    return parsed.ok ? sameTimeLastYear(parsed.period).code : null;
  };

  const findings: Finding[] = [];
  for (const o of incoming) {
    if (o.value === null) continue;
    const byPeriod = series.get(seriesKey(o));
    const previousPeriod = previousOf(o.period);
    const previous = previousPeriod ? byPeriod?.get(previousPeriod) : undefined;
    if (!byPeriod || previous === undefined) continue;
    const others: number[] = [];
    for (const [period, value] of byPeriod) {
      if (period === o.period) continue;
      const before = previousOf(period);
      const earlier = before ? byPeriod.get(before) : undefined;
      if (earlier !== undefined) others.push(change(value, earlier));
    }
    const current = change(o.value, previous);
    let unusual: boolean;
    if (others.length < minimumHistory) unusual = Math.abs(current) > fallbackLogThreshold;
    else {
      const m = median(others);
      const mad = median(others.map((x) => Math.abs(x - m)));
      unusual = Math.abs(current - m) > Math.max(robustK * madScale * mad, floorLogThreshold);
    }
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
