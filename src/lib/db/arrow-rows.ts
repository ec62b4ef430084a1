import type { Row } from "./engine";

interface ArrowLikeTable {
  toArray(): { toJSON(): Row }[];
}

/** Arrow rows to plain objects, so nothing outside the db module depends on Arrow classes. */
export function arrowToRows(table: ArrowLikeTable): Row[] {
  return table.toArray().map((row) => row.toJSON());
}
