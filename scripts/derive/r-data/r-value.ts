/** An R object read from a serialised stream, limited to what data frames are made of. */
export type RValue =
  | { kind: "null" }
  | { kind: "symbol"; name: string }
  | { kind: "pairlist"; entries: PairlistEntry[]; attributes: Attributes }
  | { kind: "logical"; values: (boolean | null)[]; attributes: Attributes }
  | { kind: "integer"; values: (number | null)[]; attributes: Attributes }
  | { kind: "double"; values: (number | null)[]; attributes: Attributes }
  | { kind: "character"; values: (string | null)[]; attributes: Attributes }
  | { kind: "list"; values: RValue[]; attributes: Attributes };

export interface PairlistEntry {
  tag: string | null;
  value: RValue;
}

/** An object's attributes by name (names, class, levels, row.names…). */
export type Attributes = ReadonlyMap<string, RValue>;

export const noAttributes: Attributes = new Map();

export const rNull: RValue = { kind: "null" };

/** A character attribute's values, e.g. `class` or `names`; empty when absent. */
export function characterAttribute(value: RValue, name: string): (string | null)[] {
  if (value.kind === "null" || value.kind === "symbol") return [];
  const attribute = value.attributes.get(name);
  return attribute?.kind === "character" ? attribute.values : [];
}
