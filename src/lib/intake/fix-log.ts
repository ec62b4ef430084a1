/** A change made to the data on the way in, listed so that no fix is silent. */
export interface Fix {
  kind: "trimmed" | "period_normalised" | "recoded";
  column: string;
  from: string;
  to: string;
  /** How many rows had this exact change, and the first of them. */
  count: number;
  firstRow: number;
}

export interface FixLog {
  add(fix: Omit<Fix, "count" | "firstRow">, row: number): void;
  list(): Fix[];
}

/** Groups identical fixes, so a million normalised periods are one line, not a million. */
export function createFixLog(): FixLog {
  const fixes = new Map<string, Fix>();
  return {
    add(fix, row) {
      const key = `${fix.kind}\u0000${fix.column}\u0000${fix.from}\u0000${fix.to}`;
      const existing = fixes.get(key);
      if (existing) existing.count++;
      else fixes.set(key, { ...fix, count: 1, firstRow: row });
    },
    list: () => [...fixes.values()],
  };
}
