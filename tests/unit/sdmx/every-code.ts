import type { Catalog, DimensionName, Indicator } from "../../../src/lib/catalog/schema";
import type { ExportObservation } from "../../../src/lib/sdmx/observation-attributes";

const periodOf: Record<Indicator["periodicity"], string> = {
  annual: "2024",
  quarterly: "2024-Q1",
  monthly: "2024-01",
};

/**
 * For every indicator: its total, one row per allowed code of each disaggregation, a censored row
 * and a missing value, so an export touches every code the catalog allows.
 */
export function everyCodeObservations(catalog: Catalog): ExportObservation[] {
  const rows: ExportObservation[] = [];
  for (const indicator of catalog.indicators) {
    const period = periodOf[indicator.periodicity];
    const value = indicator.limits.min ?? 0;
    const base = { indicator_id: indicator.id, period, source: null, note: null };
    rows.push({ ...base, value, dimensions: {}, obs_status: "normal" });
    for (const [dimension, codes] of Object.entries(indicator.disaggregations)) {
      for (const code of codes ?? [])
        rows.push({
          ...base,
          value,
          dimensions: { [dimension as DimensionName]: code },
          obs_status: "provisional",
        });
    }
    const earlier = indicator.periodicity === "annual" ? "2023" : period.replace("2024", "2023");
    rows.push({
      ...base,
      period: earlier,
      value: null,
      dimensions: {},
      obs_status: "censored",
      note: "<5",
    });
    const older = earlier.replace("2023", "2022");
    rows.push({ ...base, period: older, value: null, dimensions: {}, obs_status: "normal" });
  }
  return rows;
}
