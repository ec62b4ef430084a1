import type { Row } from "./engine";

interface ArrowLikeTable {
  toArray(): { toJSON(): Row }[];
}

/** Arrow LIST values arrive as Vectors; plain arrays are what the rest of the app expects. */
function plain(value: unknown): unknown {
  if (
    value !== null &&
    typeof value === "object" &&
    "toArray" in value &&
    Symbol.iterator in value
  ) {
    return Array.from(value as Iterable<unknown>, plain);
  }
  return value;
}

/** Arrow rows to plain objects, so nothing outside the db module depends on Arrow classes. */
export function arrowToRows(table: ArrowLikeTable): Row[] {
  return table.toArray().map((row) => {
    const json = row.toJSON();
    for (const key of Object.keys(json)) json[key] = plain(json[key]);
    return json;
  });
}
