import type { Catalog } from "../catalog/schema";
import { numberFormatSample } from "../intake/column-layout";
import type { Finding } from "../intake/findings";
import type { GridRow } from "../intake/grid";
import { detectNumberFormat, type NumberFormat } from "../intake/number-format";
import type { Delimiter } from "../intake/read-csv";
import type { PreparedTable } from "../intake/validate-observations";
import { bundledSources } from "../observations/bundled-sources";
import type { ObservationColumn } from "../observations/columns";
import type { DataSource } from "../observations/data-sources";
import { keptArtefacts, type SdmxArtefacts } from "./kept-artefacts";
import {
  createSdmxRowReader,
  readAttributes,
  type SdmxCells,
  type TidyColumn,
  tidyColumns,
} from "./read-sdmx-row";
import { type DataStructure, parseRef, refText } from "./schema";
import { componentIds } from "./sdg-row";

/** A header cell's component id: `SEX: Sex` (SDMX-CSV labels=both) is `SEX`. */
const idOf = (cell: string) => (cell.split(": ")[0] ?? "").trim().toUpperCase();
/** A coded cell's code: `F: Female` is `F`. */
const codeOf = (cell: string) => (cell.split(": ")[0] ?? "").trim();

/** SDMX-CSV by its header: 1.0 starts with DATAFLOW, 2.0 with STRUCTURE; both have OBS_VALUE. */
export function sdmxCsvVersion(header: readonly string[]): "1.0" | "2.0" | null {
  const ids = header.map(idOf);
  if (!ids.includes("OBS_VALUE")) return null;
  if (ids[0] === "DATAFLOW") return "1.0";
  if (/^STRUCTURE(\[.\])?$/.test(ids[0] ?? "")) return "2.0";
  return null;
}

export const isSdmxCsvHeader = (header: readonly string[]) => sdmxCsvVersion(header) !== null;

/** The SDMX column each tidy column is read from, per dataflow, to name it in findings. */
const sourceColumn: Record<"sdg" | "national", Partial<Record<TidyColumn, string>>> = {
  sdg: {
    indicator_id: "SERIES",
    sex: "SEX",
    age_group: "AGE",
    migration_status: "COMPOSITE_BREAKDOWN",
    disability: "DISABILITY_STATUS",
    geography: "REF_AREA",
    exploitation: "SERIES",
  },
  national: {
    indicator_id: "INDICATOR",
    sex: "SEX",
    age_group: "AGE",
    population_group: "POPULATION_GROUP",
    migration_status: "MIGRATION_STATUS",
    disability: "DISABILITY_STATUS",
    geography: "COUNTERPART_AREA",
    department: "DEPARTMENT",
    exploitation: "EXPLOITATION",
    case_status: "CASE_STATUS",
    topic: "TOPIC",
  },
};
const sharedColumns: Partial<Record<TidyColumn, string>> = {
  period: "TIME_PERIOD",
  value: "OBS_VALUE",
  obs_status: "OBS_STATUS",
  source: "SOURCE_DETAIL",
  note: "COMMENT_OBS",
};

export interface SdmxTableRead {
  /** The file's own header and the tidy column each of its columns feeds, for the officer. */
  header: string[];
  columns: (ObservationColumn | null)[];
  /** The rows in the tidy shape, for the same validation as any upload. */
  prepared: PreparedTable;
  numberFormat: NumberFormat;
  findings: Finding[];
}

interface LocatedRows {
  header: string[];
  headerRow: number;
  records: GridRow[];
}

/**
 * An SDMX-CSV 1.0 table of the SDG or national dataflow, read back into tidy rows through the
 * mapping. Rows whose dataflow, series, indicator or codes the mapping does not know are errors
 * naming row and column and are not passed on; the rest are validated like any upload.
 */
export function readSdmxTable(
  catalog: Catalog,
  file: string,
  table: LocatedRows,
  delimiter: Delimiter | null,
  artefacts: SdmxArtefacts = keptArtefacts,
  sources: readonly DataSource[] = bundledSources,
): SdmxTableRead | { stop: Finding[] } {
  const { header, headerRow, records } = table;
  const at = { file, row: headerRow };
  if (sdmxCsvVersion(header) === "2.0")
    return { stop: [{ severity: "error", code: "sdmx_csv_version", ...at, column: header[0] }] };
  const ids = header.map(idOf);
  const index = new Map<string, number>();
  const stop: Finding[] = [];
  ids.forEach((id, i) => {
    const first = index.get(id);
    if (first === undefined) index.set(id, i);
    else
      stop.push({
        severity: "error",
        code: "duplicate_column",
        ...at,
        column: header[i] ?? id,
        detail: { column: id, first: header[first] ?? id },
      });
  });
  if (!index.has("TIME_PERIOD"))
    stop.push({
      severity: "error",
      code: "missing_column",
      ...at,
      detail: { column: "TIME_PERIOD" },
    });
  if (stop.length > 0) return { stop };

  const obsValue = index.get("OBS_VALUE") ?? -1;
  const numberFormat = detectNumberFormat(
    records.slice(0, numberFormatSample).map((r) => r.cells[obsValue] ?? ""),
    delimiter,
  );
  const reader = createSdmxRowReader(file, catalog, artefacts, sources, numberFormat.decimal);
  const { mapping } = artefacts;
  const structures = { sdg: artefacts.sdgStructure, national: artefacts.nationalStructure };
  const keyColumn = { sdg: "SERIES", national: "INDICATOR" } as const;
  const findings: Finding[] = [];
  const rows: GridRow[] = [];
  const counts = new Map<string, number>();
  const used = new Set<"sdg" | "national">();
  const missingKey = new Set<string>();

  for (const record of records) {
    const cell = (id: string) => {
      const i = index.get(id);
      return i === undefined ? "" : (record.cells[i] ?? "").trim();
    };
    const cells: SdmxCells = { row: record.row, code: (id) => codeOf(cell(id)), text: cell };
    const ref = parseRef(codeOf(cell("DATAFLOW")));
    const kind =
      ref?.agency === mapping.sdg.dataflow.agency &&
      (ref.id === mapping.sdg.dataflow.id || mapping.sdg.alsoReads.includes(ref.id))
        ? "sdg"
        : ref?.agency === mapping.national.dataflow.agency &&
            ref.id === mapping.national.dataflow.id
          ? "national"
          : null;
    if (!ref || !kind) {
      findings.push({
        severity: "error",
        code: "sdmx_unknown_dataflow",
        file,
        row: record.row,
        column: header[0] ?? "DATAFLOW",
        value: cell("DATAFLOW"),
        detail: {
          expected: `${refText(mapping.sdg.dataflow)}, ${refText(mapping.national.dataflow)}`,
        },
      });
      continue;
    }
    counts.set(refText(ref), (counts.get(refText(ref)) ?? 0) + 1);
    used.add(kind);
    if (!index.has(keyColumn[kind])) {
      missingKey.add(keyColumn[kind]);
      continue;
    }
    const reading = kind === "sdg" ? reader.readSdg(cells) : reader.readNational(cells);
    if ("errors" in reading) findings.push(...reading.errors);
    else rows.push({ row: record.row, cells: tidyColumns.map((c) => reading.record[c]) });
  }

  for (const column of missingKey)
    findings.push({ severity: "error", code: "missing_column", ...at, detail: { column } });
  const kinds = [...used];
  const usedStructures = kinds.map((k) => structures[k]);
  findings.push(
    ...versionFindings(file, headerRow, counts, [mapping.sdg.dataflow, mapping.national.dataflow]),
    ...columnFindings(file, headerRow, header, ids, records, index, usedStructures, structures),
  );
  findings.unshift({
    severity: "info",
    code: "sdmx_read",
    file,
    detail: {
      version: "1.0",
      dataflows: [...counts].map(([ref, n]) => `${ref}: ${n}`).join("; ") || "—",
    },
  });

  const label = (column: TidyColumn) =>
    [...new Set(kinds.map((k) => sourceColumn[k][column] ?? sharedColumns[column] ?? column))].join(
      "/",
    ) || column;
  const display = new Map<string, ObservationColumn>();
  for (const k of kinds.length > 0 ? kinds : (["sdg", "national"] as const))
    for (const column of tidyColumns) {
      const id = sourceColumn[k][column] ?? sharedColumns[column];
      if (id && !display.has(id) && !(column === "exploitation" && id === "SERIES"))
        display.set(id, column);
    }
  const taken = new Set<ObservationColumn>();
  const columns = ids.map((id) => {
    const column = display.get(id);
    if (!column || taken.has(column)) return null;
    taken.add(column);
    return column;
  });
  return {
    header,
    columns,
    numberFormat,
    findings,
    prepared: {
      file,
      header: tidyColumns.map(label),
      headerRow,
      columns: [...tidyColumns],
      constants: {},
      records: rows,
      periodColumns: [],
      decimal: ".",
    },
  };
}

function versionFindings(
  file: string,
  row: number,
  counts: ReadonlyMap<string, number>,
  kept: readonly { agency: string; id: string; version: string }[],
): Finding[] {
  return [...counts.keys()].flatMap((text) => {
    const ref = parseRef(text);
    const same = kept.find((k) => k.agency === ref?.agency);
    if (!ref || !same || ref.version === same.version) return [];
    return [
      {
        severity: "warning" as const,
        code: "sdmx_version_differs" as const,
        file,
        row,
        column: "DATAFLOW",
        value: text,
        detail: { kept: refText(same) },
      },
    ];
  });
}

/** Header notes: DSD dimensions the file lacks, filled attributes not kept, columns of no DSD. */
function columnFindings(
  file: string,
  row: number,
  header: readonly string[],
  ids: readonly string[],
  records: readonly GridRow[],
  index: ReadonlyMap<string, number>,
  usedStructures: readonly DataStructure[],
  all: Record<"sdg" | "national", DataStructure>,
): Finding[] {
  const findings: Finding[] = [];
  const known = new Set(["DATAFLOW", ...componentIds(all.sdg), ...componentIds(all.national)]);
  const missing = new Set<string>();
  for (const structure of usedStructures)
    for (const dimension of structure.dimensions)
      if (
        !index.has(dimension.id) &&
        !["SERIES", "INDICATOR", "TIME_PERIOD"].includes(dimension.id)
      )
        missing.add(dimension.id);
  for (const column of missing)
    findings.push({ severity: "warning", code: "sdmx_missing_dimension", file, row, column });
  const ignored = new Set(
    usedStructures
      .flatMap((s) => s.attributes.map((a) => a.id))
      .filter((id) => !readAttributes.includes(id)),
  );
  ids.forEach((id, i) => {
    const name = header[i] ?? id;
    if (!known.has(id)) {
      findings.push({ severity: "warning", code: "unknown_column", file, row, column: name });
      return;
    }
    if (!ignored.has(id)) return;
    const filled = records.filter((r) => (r.cells[i] ?? "").trim() !== "").length;
    if (filled > 0)
      findings.push({
        severity: "warning",
        code: "sdmx_ignored_attribute",
        file,
        row,
        column: name,
        detail: { count: filled },
      });
  });
  return findings;
}
