import type { Catalog } from "../catalog/schema";
import type { Finding } from "../intake/findings";
import type { GridRow } from "../intake/grid";
import type { DecimalSeparator } from "../intake/number-format";
import { parseNumber } from "../intake/parse-number";
import { parsePeriod, toFractionalYear } from "../observations/period";
import {
  type FundingColumn,
  type FundingRecord,
  knownCurrencies,
  requiredFundingColumns,
} from "./funding-columns";

export interface FundingTable {
  file: string;
  header: string[];
  headerRow: number;
  columns: (FundingColumn | null)[];
  records: GridRow[];
  decimal: DecimalSeparator;
}

/**
 * Checks a funding file: unknown commitment, unknown currency, amounts that are not numbers or are
 * negative (errors), disbursed above committed (a warning: multi-year disbursements happen),
 * unreadable periods and duplicate rows.
 */
export function validateFunding(
  catalog: Catalog,
  table: FundingTable,
): { findings: Finding[]; records: FundingRecord[] } {
  const { file } = table;
  const findings: Finding[] = [];
  const records: FundingRecord[] = [];
  const index = new Map<FundingColumn, number>();
  table.columns.forEach((c, i) => {
    if (c !== null && !index.has(c)) index.set(c, i);
    if (c === null)
      findings.push({
        severity: "warning",
        code: "unknown_column",
        file,
        row: table.headerRow,
        column: table.header[i] ?? "",
      });
  });
  const missing = requiredFundingColumns.filter((c) => !index.has(c));
  for (const column of missing)
    findings.push({
      severity: "error",
      code: "missing_column",
      file,
      row: table.headerRow,
      detail: { column },
    });
  if (missing.length > 0) return { findings, records };

  const commitments = new Set(catalog.commitments.map((c) => c.id));
  const currencies = knownCurrencies();
  const seen = new Map<string, number>();
  for (const record of table.records) {
    const { row } = record;
    const cell = (c: FundingColumn) => {
      const i = index.get(c);
      return {
        text: i === undefined ? "" : (record.cells[i] ?? "").trim(),
        column: i === undefined ? c : (table.header[i] ?? c),
      };
    };
    const at = (c: { text: string; column: string }) => ({
      file,
      row,
      column: c.column,
      value: c.text,
    });
    const before = findings.length;

    const commitment = cell("commitment_id");
    if (!commitments.has(commitment.text))
      findings.push({ severity: "error", code: "unknown_commitment", ...at(commitment) });
    const donor = cell("donor");
    if (donor.text === "")
      findings.push({ severity: "error", code: "missing_donor", ...at(donor) });
    const currency = cell("currency");
    const code = currency.text.toUpperCase();
    if (!currencies.has(code))
      findings.push({ severity: "error", code: "unknown_currency", ...at(currency) });
    const period = cell("period");
    const parsed = parsePeriod(period.text);
    if (!parsed.ok)
      findings.push({ severity: "error", code: `${parsed.reason}_period`, ...at(period) });

    const amount = (c: FundingColumn, required: boolean): number | null => {
      const value = cell(c);
      const number = parseNumber(value.text, table.decimal);
      if (number.kind === "invalid" || (required && number.kind === "missing")) {
        findings.push({ severity: "error", code: "non_numeric_value", ...at(value) });
        return null;
      }
      if (number.kind === "number" && number.value < 0) {
        findings.push({ severity: "error", code: "negative_amount", ...at(value) });
        return null;
      }
      return number.kind === "number" ? number.value : null;
    };
    const committed = amount("amount_committed", true);
    const disbursed = amount("amount_disbursed", false);
    if (committed !== null && disbursed !== null && disbursed > committed) {
      findings.push({
        severity: "warning",
        code: "disbursed_above_committed",
        ...at(cell("amount_disbursed")),
        detail: { committed },
      });
    }

    const programme = cell("programme").text;
    const key = [
      commitment.text,
      donor.text,
      programme,
      parsed.ok ? parsed.period.code : period.text,
    ].join("\u0000");
    const first = seen.get(key);
    if (first !== undefined)
      findings.push({
        severity: "error",
        code: "duplicate_key",
        file,
        row,
        detail: { firstRow: first },
      });
    else seen.set(key, row);

    const blocking = findings.slice(before).some((f) => f.severity === "error");
    if (!blocking && parsed.ok && committed !== null) {
      records.push({
        commitment_id: commitment.text,
        donor: donor.text,
        programme: programme || null,
        currency: code,
        amount_committed: committed,
        amount_disbursed: disbursed,
        period: parsed.period.code,
        time: toFractionalYear(parsed.period),
        iati_identifier: cell("iati_identifier").text || null,
        note: cell("note").text || null,
        row,
      });
    }
  }
  return { findings, records };
}
