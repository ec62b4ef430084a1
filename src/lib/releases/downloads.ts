import Papa from "papaparse";
import writeXlsxFile from "write-excel-file/universal";
import { type DimensionName, dimensionNames, type Indicator } from "../catalog/schema";
import type { Row } from "../db/engine";
import { neutraliseCell } from "../format/neutralise-cell";
import type { DataSource } from "../observations/data-sources";

/**
 * An indicator's observations as the public downloads give them: tidy (one row per observation,
 * a blank breakdown cell is the total), each row with its source, publisher and licence, so a
 * file that travels alone still says where every number comes from.
 */
export interface DownloadRecord {
  indicator_id: string;
  period: string;
  value: number | null;
  breakdown: Partial<Record<DimensionName, string>>;
  unit: string | null;
  obs_status: string | null;
  note: string | null;
  source: string | null;
  publisher: string | null;
  licence: string | null;
}

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** Rows from the observations table, with each registered source's publisher and licence. */
export function downloadRecords(
  rows: readonly Row[],
  sources: readonly DataSource[],
): DownloadRecord[] {
  return rows.map((r) => {
    const source = sources.find((s) => s.id === r.source);
    return {
      indicator_id: String(r.indicator_id),
      period: String(r.period),
      value: typeof r.value === "number" && Number.isFinite(r.value) ? r.value : null,
      breakdown: Object.fromEntries(
        dimensionNames.flatMap((d) => (typeof r[d] === "string" ? [[d, r[d] as string]] : [])),
      ),
      unit: text(r.unit),
      obs_status: text(r.obs_status),
      note: text(r.note),
      source: text(r.source),
      publisher: source ? source.publisher.en : null,
      licence: source ? source.licence.name : null,
    };
  });
}

/** The columns of an indicator's files: the breakdowns it accepts, in the catalog's order. */
export function downloadFields(indicator: Indicator): string[] {
  const breakdowns = dimensionNames.filter((d) => indicator.disaggregations[d] !== undefined);
  return [
    "indicator_id",
    "period",
    "value",
    ...breakdowns,
    "unit",
    "obs_status",
    "note",
    "source",
    "publisher",
    "licence",
  ];
}

function cells(indicator: Indicator, record: DownloadRecord): (string | number | null)[] {
  return downloadFields(indicator).map((field) => {
    if (field === "value") return record.value;
    if (dimensionNames.includes(field as DimensionName))
      return record.breakdown[field as DimensionName] ?? null;
    const value = record[field as keyof DownloadRecord];
    return typeof value === "string" ? value : null;
  });
}

/** UTF-8 CSV with a comma, for machines; formula-like cells neutralised for spreadsheets. */
export function indicatorCsv(indicator: Indicator, records: readonly DownloadRecord[]): string {
  const data = records.map((r) =>
    cells(indicator, r).map((c) =>
      c === null ? "" : typeof c === "number" ? String(c) : neutraliseCell(c),
    ),
  );
  return `${Papa.unparse({ fields: downloadFields(indicator), data }, { newline: "\n" })}\n`;
}

/** JSON: the indicator's definition (both languages), the release, and the same tidy rows. */
export function indicatorJson(
  indicator: Indicator,
  release: string,
  records: readonly DownloadRecord[],
): string {
  return `${JSON.stringify(
    {
      indicator: {
        id: indicator.id,
        title: indicator.title,
        definition: indicator.definition,
        unit: indicator.unit,
        periodicity: indicator.periodicity,
        sdg: indicator.sdg,
      },
      release,
      fields: downloadFields(indicator),
      rows: records.map((r) =>
        Object.fromEntries(downloadFields(indicator).map((f, i) => [f, cells(indicator, r)[i]])),
      ),
    },
    null,
    2,
  )}\n`;
}

/** The same rows as a workbook with one sheet. */
export async function indicatorXlsx(
  indicator: Indicator,
  records: readonly DownloadRecord[],
): Promise<Uint8Array> {
  const header = downloadFields(indicator).map((value) => ({ value, fontWeight: "bold" as const }));
  const body = records.map((r) =>
    cells(indicator, r).map((value) => (value === null ? null : { value })),
  );
  const blob = await writeXlsxFile([header, ...body], {
    sheet: indicator.id.slice(0, 31),
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
