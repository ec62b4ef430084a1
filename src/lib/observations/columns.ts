import { type DimensionName, dimensionNames } from "../catalog/schema";

/** The tidy long format (Open SDG convention): a blank disaggregation means the total. */
export const observationColumns = [
  "indicator_id",
  "period",
  "value",
  ...dimensionNames,
  "unit",
  "obs_status",
  "source",
  "note",
] as const;
export type ObservationColumn = (typeof observationColumns)[number];

export const requiredColumns = ["indicator_id", "period", "value"] as const;

/**
 * `censored`: the publisher gave only a bound (UNODC's `<5`); the value stays missing and the
 * note keeps what the source said, so it is never read as a number.
 */
export const obsStatuses = [
  "normal",
  "provisional",
  "estimated",
  "illustrative",
  "censored",
] as const;
export type ObsStatus = (typeof obsStatuses)[number];

/** One accepted observation; `time` is the period's start in fractional years. */
export interface Observation {
  indicator_id: string;
  period: string;
  time: number;
  value: number | null;
  dimensions: Partial<Record<DimensionName, string>>;
  unit: string | null;
  obs_status: ObsStatus;
  source: string | null;
  note: string | null;
  /** Spreadsheet row it came from, for findings; absent for stored data. */
  row?: number;
}
