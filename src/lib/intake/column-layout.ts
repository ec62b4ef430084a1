import type { ObservationColumn } from "../observations/columns";
import { mapHeader } from "./header-map";
import { widePeriodColumns } from "./wide-layout";

/** The first this many values decide how a file writes its numbers. */
export const numberFormatSample = 50_000;

export interface ColumnLayout {
  /** Canonical column of each header cell (null: ignored), after the officer's own mapping. */
  columns: (ObservationColumn | null)[];
  /** Header indexes holding one period each (a wide file); empty for a long file. */
  periodColumns: number[];
  /** Where the values are: the period columns of a wide file, else the value column. */
  valueColumns: number[];
}

/** How a header's cells map to observation columns, with `mapping` chosen by hand overriding. */
export function columnLayout(
  header: readonly string[],
  mapping: Record<number, ObservationColumn | null> | undefined,
): ColumnLayout {
  const periodColumns = widePeriodColumns(header);
  const columns = mapHeader(header).map((c, i) =>
    mapping && i in mapping ? (mapping[i] ?? null) : c,
  );
  const valueIndex = columns.indexOf("value");
  const valueColumns =
    periodColumns.length > 0 ? periodColumns : valueIndex >= 0 ? [valueIndex] : [];
  return { columns, periodColumns, valueColumns };
}
