import type { Catalog } from "../../catalog/schema";
import { isSdmxCsvHeader, readSdmxTable } from "../../sdmx/read-sdmx-table";
import { columnLayout, numberFormatSample } from "../column-layout";
import type { IntakeOptions, Stopped } from "../intake-result";
import type { LocatedTable } from "../locate-table";
import { detectNumberFormat } from "../number-format";
import type { Delimiter } from "../read-csv";
import type { MappedObservations } from "./mapped";

/** SDMX-CSV goes through the mapping (src/lib/sdmx) into tidy rows, then the same rules. */
function mapSdmx(
  catalog: Catalog,
  file: string,
  table: LocatedTable,
  delimiter: Delimiter | null,
): MappedObservations | Stopped {
  const sdmx = readSdmxTable(catalog, file, table, delimiter);
  if ("stop" in sdmx)
    return { stop: sdmx.stop, known: { header: table.header, headerRow: table.headerRow } };
  return {
    kind: "observations",
    shown: {
      header: sdmx.header,
      headerRow: table.headerRow,
      columns: sdmx.columns,
      periodColumns: [],
    },
    prepared: sdmx.prepared,
    numberFormat: sdmx.numberFormat,
    notes: sdmx.findings,
  };
}

/**
 * Which observation column each header cell feeds (by its name, or as the officer chose), which
 * cells are periods of a wide file, and how the values write their numbers.
 */
export function mapColumns(
  catalog: Catalog,
  file: string,
  table: LocatedTable,
  delimiter: Delimiter | null,
  options: IntakeOptions,
): MappedObservations | Stopped {
  if (isSdmxCsvHeader(table.header)) return mapSdmx(catalog, file, table, delimiter);
  const { columns, periodColumns, valueColumns } = columnLayout(table.header, options.mapping);
  // The first values decide the number format; a wide file need not be copied whole for that.
  const values: string[] = [];
  for (const record of table.records) {
    if (values.length >= numberFormatSample) break;
    for (const i of valueColumns) values.push(record.cells[i] ?? "");
  }
  const numberFormat = detectNumberFormat(values.slice(0, numberFormatSample), delimiter);
  const shown = { header: table.header, headerRow: table.headerRow, columns, periodColumns };
  return {
    kind: "observations",
    shown,
    prepared: {
      file,
      ...shown,
      constants: options.constants ?? {},
      records: table.records,
      decimal: numberFormat.decimal,
    },
    numberFormat,
    notes: [],
  };
}
