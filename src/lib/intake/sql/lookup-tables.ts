import type { Catalog, DimensionName } from "../../catalog/schema";
import type { ColumnValues } from "../../db/columns-to-ipc";
import { parsePeriod, toFractionalYear } from "../../observations/period";
import { createRecoder } from "../recode";
import { unitWords } from "../rules/unit-rule";

type Columns = Record<string, ColumnValues>;
const text = (values: readonly (string | null)[]): ColumnValues => ({ kind: "text", values });
const number = (values: readonly (number | null)[]): ColumnValues => ({ kind: "number", values });

/** The catalog's indicators with their periodicity, unit and limits (`intake_indicators`). */
export function indicatorColumns(catalog: Catalog): Columns {
  const list = catalog.indicators;
  return {
    id: text(list.map((i) => i.id)),
    periodicity: text(list.map((i) => i.periodicity)),
    unit: text(list.map((i) => i.unit)),
    min: number(list.map((i) => i.limits.min ?? null)),
    max: number(list.map((i) => i.limits.max ?? null)),
    whole: number(list.map((i) => (i.limits.integer ? 1 : 0))),
  };
}

/**
 * The breakdowns each indicator allows (`intake_breakdowns`: one row per indicator, dimension
 * and code, with the allowed codes as the finding lists them).
 */
export function breakdownColumns(catalog: Catalog): Columns {
  const rows = catalog.indicators.flatMap((indicator) =>
    Object.entries(indicator.disaggregations).flatMap(([dimension, codes]) =>
      (codes ?? []).map((code) => ({
        indicator: indicator.id,
        dimension,
        code,
        allowed: (codes ?? []).join(", "),
      })),
    ),
  );
  return {
    indicator_id: text(rows.map((r) => r.indicator)),
    dimension: text(rows.map((r) => r.dimension)),
    code: text(rows.map((r) => r.code)),
    allowed: text(rows.map((r) => r.allowed)),
  };
}

/** Spellings of each unit, lower-cased (`intake_unit_words`). */
export function unitWordColumns(): Columns {
  const rows = Object.entries(unitWords).flatMap(([unit, words]) =>
    words.map((word) => ({ unit, word: word.toLowerCase() })),
  );
  return { unit: text(rows.map((r) => r.unit)), word: text(rows.map((r) => r.word)) };
}

/** The catalog's department codes (`intake_departments`). */
export function departmentColumns(catalog: Catalog): Columns {
  const codes = catalog.dimensions.find((d) => d.id === "department")?.codes ?? [];
  return { code: text(codes.map((c) => c.code)) };
}

/**
 * Each distinct period text of the file read by `parsePeriod` (`intake_periods`): a file has a
 * few distinct periods, so the parser runs a few times, not once per row.
 */
export function periodColumns(texts: readonly string[]): Columns {
  const parsed = texts.map((t) => parsePeriod(t));
  return {
    text: text(texts),
    ok: number(parsed.map((p) => (p.ok ? 1 : 0))),
    reason: text(parsed.map((p) => (p.ok ? null : p.reason))),
    code: text(parsed.map((p) => (p.ok ? p.period.code : null))),
    periodicity: text(parsed.map((p) => (p.ok ? p.period.periodicity : null))),
    time: number(parsed.map((p) => (p.ok ? toFractionalYear(p.period) : null))),
  };
}

/**
 * Each distinct breakdown text of the file recoded to a catalog code (`intake_codes`; '' means
 * the total), through the same recoder as the JavaScript rules.
 */
export function codeColumns(
  catalog: Catalog,
  texts: readonly { dimension: DimensionName; text: string }[],
): Columns {
  const recode = createRecoder(catalog);
  return {
    dimension: text(texts.map((t) => t.dimension)),
    text: text(texts.map((t) => t.text)),
    code: text(texts.map((t) => recode(t.dimension, t.text))),
  };
}
