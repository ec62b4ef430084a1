import type * as Arrow from "apache-arrow";

export type ColumnValues =
  | { kind: "text"; values: (string | null)[] }
  | { kind: "number"; values: (number | null)[] };

/**
 * Builds an Arrow IPC stream with explicit column types, so a column that happens to be all
 * blank is still text. Takes the Arrow module because Node and the browser load different copies.
 */
export type ArrowModule = Pick<
  typeof Arrow,
  "vectorFromArray" | "Utf8" | "Float64" | "Table" | "tableToIPC"
>;

export function columnsToIpc(
  arrow: ArrowModule,
  columns: Record<string, ColumnValues>,
): Uint8Array {
  const vectors = Object.fromEntries(
    Object.entries(columns).map(([name, column]) => [
      name,
      column.kind === "text"
        ? arrow.vectorFromArray(column.values, new arrow.Utf8())
        : arrow.vectorFromArray(column.values, new arrow.Float64()),
    ]),
  );
  return arrow.tableToIPC(new arrow.Table(vectors), "stream");
}
