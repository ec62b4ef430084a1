import type { Catalog, DimensionName, Unit } from "../../catalog/schema";
import type { ColumnValues } from "../../db/columns-to-ipc";
import { type ObservationColumn, type ObsStatus, obsStatuses } from "../../observations/columns";
import { type PeriodParse, toFractionalYear } from "../../observations/period";
import type { DecimalSeparator } from "../number-format";
import { parseNumber } from "../parse-number";
import type { Recoder } from "../recode";
import { unitWords } from "../rules/unit-rule";
import type { ReadTexts } from "./read-observations";

type Columns = Record<string, ColumnValues>;
const text = (values: readonly (string | null)[]): ColumnValues => ({ kind: "text", values });
const number = (values: readonly (number | null)[]): ColumnValues => ({ kind: "number", values });
const ids = (length: number): ColumnValues => ({
  kind: "int32",
  values: Int32Array.from({ length }, (_, i) => i),
});

/** Gives each distinct text a small number, in the order first met: keys the duplicate rule groups on. */
function keyer() {
  const keys = new Map<string, number>();
  return (text: string) => {
    let key = keys.get(text);
    if (key === undefined) {
      key = keys.size;
      keys.set(text, key);
    }
    return key;
  };
}

/** Every rule column's distinct texts (`intake_text`): as written (`raw`) and as the rules read it. */
export function textColumns(
  columns: readonly {
    column: ObservationColumn;
    raws: readonly string[];
    texts: readonly string[];
  }[],
): Columns {
  return {
    col: text(columns.flatMap((c) => c.raws.map(() => c.column))),
    id: { kind: "int32", values: Int32Array.from(columns.flatMap((c) => c.raws.map((_, i) => i))) },
    raw: text(columns.flatMap((c) => c.raws)),
    text: text(columns.flatMap((c) => c.texts)),
  };
}

const unitList = Object.keys(unitWords) as Unit[];

/**
 * Each distinct indicator text read against the catalog (`intake_indicator_ids`): `known_id` NULL
 * when the catalog lacks it, its periodicity, unit (and the unit's bit in `unitFits`), limits.
 */
export function indicatorIdColumns(catalog: Catalog, texts: readonly string[]): Columns {
  const byId = new Map(catalog.indicators.map((i) => [i.id, i]));
  const found = texts.map((t) => byId.get(t));
  const key = keyer();
  return {
    id: ids(texts.length),
    known_id: text(found.map((i) => i?.id ?? null)),
    periodicity: text(found.map((i) => i?.periodicity ?? null)),
    unit: text(found.map((i) => i?.unit ?? null)),
    unit_bit: number(found.map((i) => (i ? 1 << unitList.indexOf(i.unit) : 0))),
    min: number(found.map((i) => i?.limits.min ?? null)),
    max: number(found.map((i) => i?.limits.max ?? null)),
    whole: number(found.map((i) => (i?.limits.integer ? 1 : 0))),
    key: number(texts.map(key)),
  };
}

/**
 * Each distinct period text as `parsePeriod` read it (`intake_period_ids`); `key` is the same for
 * two spellings of one period, as the duplicate rule compares them.
 */
export function periodIdColumns(texts: readonly string[], parsed: readonly PeriodParse[]): Columns {
  const key = keyer();
  return {
    id: ids(texts.length),
    ok: number(parsed.map((p) => (p.ok ? 1 : 0))),
    reason: text(parsed.map((p) => (p.ok ? null : p.reason))),
    code: text(parsed.map((p) => (p.ok ? p.period.code : null))),
    periodicity: text(parsed.map((p) => (p.ok ? p.period.periodicity : null))),
    time: number(parsed.map((p) => (p.ok ? toFractionalYear(p.period) : null))),
    key: number(parsed.map((p, i) => key(p.ok ? p.period.code : (texts[i] ?? "")))),
  };
}

/** Each distinct value text read by `parseNumber` in the file's convention (`intake_value_ids`). */
export function valueIdColumns(texts: readonly string[], decimal: DecimalSeparator): Columns {
  const parsed = texts.map((t) => parseNumber(t, decimal));
  return {
    id: ids(texts.length),
    kind: text(parsed.map((p) => p.kind)),
    number: number(parsed.map((p) => (p.kind === "number" ? p.value : null))),
  };
}

/**
 * Each distinct unit text (`intake_unit_ids`): whether one is given, and as a bit mask the catalog
 * units it spells, so the unit rule is one AND with the indicator's `unit_bit`.
 */
export function unitIdColumns(texts: readonly string[]): Columns {
  return {
    id: ids(texts.length),
    given: number(texts.map((t) => (t === "" ? 0 : 1))),
    fits: number(
      texts.map((t) =>
        unitList.reduce(
          (mask, unit, bit) =>
            unitWords[unit].some((w) => w.toLowerCase() === t.toLowerCase())
              ? mask | (1 << bit)
              : mask,
          0,
        ),
      ),
    ),
  };
}

/**
 * Each distinct breakdown text's catalog code (`intake_code_ids`; '' means the total), as the
 * recoder read it, with a key per code and whether a department code is one the catalog knows.
 */
export function codeIdColumns(
  catalog: Catalog,
  breakdowns: readonly { dimension: DimensionName; codes: readonly string[] }[],
): Columns {
  const departments = new Set(
    catalog.dimensions.find((d) => d.id === "department")?.codes.map((c) => c.code),
  );
  const rows = breakdowns.flatMap(({ dimension, codes }) => {
    const key = keyer();
    key("");
    return codes.map((code, id) => ({
      dimension,
      id,
      code,
      key: key(code),
      department: departments.has(code) ? 1 : 0,
    }));
  });
  return {
    dimension: text(rows.map((r) => r.dimension)),
    id: { kind: "int32", values: Int32Array.from(rows.map((r) => r.id)) },
    code: text(rows.map((r) => r.code)),
    key: number(rows.map((r) => r.key)),
    known_department: number(rows.map((r) => r.department)),
  };
}

/** Each distinct status text as stored (`intake_status_ids`): a catalog status, or 'normal'. */
export function statusIdColumns(texts: readonly string[]): Columns {
  const known = new Set<string>(obsStatuses);
  return {
    id: ids(texts.length),
    status: text(texts.map((t) => (known.has(t) ? t : "normal"))),
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

/**
 * Each distinct breakdown text of one dimension recoded to a catalog code ('' means the total),
 * through the same recoder as the JavaScript rules.
 */
export function recodeTexts(
  recode: Recoder,
  dimension: DimensionName,
  texts: readonly string[],
): string[] {
  return texts.map((t) => (t === "" ? "" : recode(dimension, t)));
}

/**
 * What each distinct text reads as in an observation, by id, for reading the passing rows back
 * without their texts: from the same readings as the lookup tables above.
 */
export function readTexts(
  texts: (column: ObservationColumn) => readonly string[],
  periods: readonly PeriodParse[],
  codes: ReadonlyMap<DimensionName, readonly string[]>,
): ReadTexts {
  const known = new Set<string>(obsStatuses);
  const orNull = (t: string) => (t === "" ? null : t);
  return {
    indicator: texts("indicator_id"),
    period: periods.map((p) =>
      p.ok ? { code: p.period.code, time: toFractionalYear(p.period) } : null,
    ),
    codes: new Map(
      [...codes].map(([d, list]) => [d, list.map((code) => (code === "" ? undefined : code))]),
    ),
    unit: texts("unit").map(orNull),
    status: texts("obs_status").map((t) => (known.has(t) ? (t as ObsStatus) : "normal")),
    source: texts("source").map(orNull),
    note: texts("note").map(orNull),
  };
}
