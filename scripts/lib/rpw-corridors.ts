import { parseNumber } from "../../src/lib/intake/parse-number";
import type { CsvTable } from "../../src/lib/intake/read-csv";
import { parsePeriod } from "../../src/lib/observations/period";

import type { TidyRow } from "../derive/tidy-csv";

/**
 * Reshapes the World Bank's wide corridor file (one column per quarter) into tidy rows for
 * the corridors from `senders` into `receiver`. Impossible negative costs become missing values
 * with a note, so nothing the source said is silently dropped.
 */
export function reshapeRpwCorridors(
  table: CsvTable,
  receiver: string,
  senders: readonly string[],
  indicatorId: string,
  source: string,
): TidyRow[] {
  const column = (name: string) => table.header.findIndex((h) => h.replace(/\s+/g, " ") === name);
  const sender = column("Sending Countries Code");
  const receiving = column("Receiving Countries Code");
  const quarters = table.header
    .map((name, index) => ({ index, period: parsePeriod(name.replace(/\s*\[.*\]$/, "")) }))
    .filter((q) => q.period.ok);
  const rows: TidyRow[] = [];
  for (const code of senders) {
    const record = table.records.find(
      (r) => r.cells[sender] === code && r.cells[receiving] === receiver,
    );
    if (!record) throw new Error(`corridor ${code}→${receiver} not found`);
    for (const { index, period } of quarters) {
      if (!period.ok) continue;
      const raw = record.cells[index] ?? "";
      const parsed = parseNumber(raw);
      if (parsed.kind === "missing") continue;
      const negative = parsed.kind === "number" && parsed.value < 0;
      rows.push({
        indicator_id: indicatorId,
        period: period.period.code,
        value:
          parsed.kind === "number" && !negative ? Math.round(parsed.value * 1000) / 1000 : null,
        dimensions: { geography: code },
        obs_status: "normal",
        source,
        ...(negative
          ? { note: `Source value ${raw} is negative (impossible for a cost); kept as missing.` }
          : {}),
      });
    }
  }
  return rows;
}
