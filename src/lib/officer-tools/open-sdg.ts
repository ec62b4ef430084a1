import Papa from "papaparse";
import { type DimensionName, dimensionNames } from "../catalog/schema";
import type { Row } from "../db/engine";
import { neutraliseCell } from "../format/neutralise-cell";
import { bundledSources } from "../observations/bundled-sources";

/** Open SDG's column names for our dimensions. */
const openSdgNames: Record<DimensionName, string> = {
  sex: "Sex",
  age_group: "Age",
  population_group: "Population group",
  migration_status: "Migratory status",
  disability: "Disability status",
  geography: "GeoCode",
  department: "Department",
  exploitation: "Form of exploitation",
  case_status: "Case status",
  topic: "Topic",
};

export interface ExportRow {
  indicator_id: string;
  period: string;
  value: number | null;
  dimensions: Partial<Record<DimensionName, string>>;
  obs_status: string | null;
}

/**
 * One indicator in Open SDG's tidy CSV: `Year` first, then the disaggregations it uses (blank =
 * total), `Observation status`, `Value` last. Quarters stay in `Year` as `2024-Q3`, as the UK
 * platform does.
 */
export function openSdgCsv(rows: readonly ExportRow[]): string {
  const used = dimensionNames.filter((d) => rows.some((r) => r.dimensions[d] !== undefined));
  const fields = [
    "Year",
    ...used.filter((d) => d !== "geography").map((d) => openSdgNames[d]),
    "Observation status",
    ...(used.includes("geography") ? ["GeoCode"] : []),
    "Value",
  ];
  const data = rows.map((r) => [
    r.period,
    ...used.filter((d) => d !== "geography").map((d) => r.dimensions[d] ?? ""),
    r.obs_status ?? "",
    ...(used.includes("geography") ? [r.dimensions.geography ?? ""] : []),
    r.value === null ? "" : String(r.value),
  ]);
  return `${Papa.unparse({ fields, data })}\n`;
}

export function openSdgFileName(indicatorId: string): string {
  return `indicator_${indicatorId}.csv`;
}

export const openSdgSourcesFile = "sources.csv";

/**
 * Where each indicator's values come from, one row per indicator and source: the publisher and
 * licence of a registered dataset, or the source text the data gave.
 */
export function sourcesCsv(rows: readonly Row[]): string {
  const data = rows.map((r) => {
    const id = typeof r.source === "string" ? r.source : "";
    const source = bundledSources.find((s) => s.id === id);
    return [
      String(r.indicator_id),
      String(r.first_period),
      String(r.last_period),
      id,
      source ? source.publisher.en : "",
      source ? source.licence.name : "",
      source?.url ?? "",
    ].map(neutraliseCell);
  });
  return `${Papa.unparse({
    fields: [
      "indicator_id",
      "first_period",
      "last_period",
      "source",
      "publisher",
      "licence",
      "url",
    ],
    data,
  })}\n`;
}
