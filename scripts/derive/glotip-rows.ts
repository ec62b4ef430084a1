import type { DimensionName } from "../../src/lib/catalog/schema";
import type { GlotipRecord } from "./glotip-table";
import type { TidyRow } from "./tidy-csv";

/** GLOTIP's labels as the catalog codes them; "Total" is the blank (total) cell. */
const sexCodes: Readonly<Record<string, string | undefined>> = {
  Total: undefined,
  Female: "female",
  Male: "male",
  Other: "other",
};
const ageCodes: Readonly<Record<string, string | undefined>> = {
  Total: undefined,
  "0 to 17 years": "0-17",
  "18 years or over": "18+",
};
const exploitationCodes: Readonly<Record<string, string | undefined>> = {
  "Sexual exploitation": "sexual_exploitation",
  "Forced labour": "forced_labour",
  "Other forms of exploitation": "other_purposes",
};

/**
 * The breakdowns kept: the totals (by sex and age) and the forms of exploitation. Victims by
 * citizenship or by country of repatriation are left out: no catalog dimension holds them.
 */
const keptDimensions = new Set(["Total", "by form of exploitation"]);

export interface GlotipValue {
  value: number | null;
  obs_status: "normal" | "censored";
  note?: string;
}

/** A `txtVALUE` cell: a whole count, or a bound such as `<5` kept as text, never as a number. */
export function glotipValue(text: string): GlotipValue {
  if (/^\d+$/.test(text)) return { value: Number(text), obs_status: "normal" };
  if (/^<\d+$/.test(text)) return { value: null, obs_status: "censored", note: text };
  throw new Error(`GLOTIP value "${text}" is neither a count nor a bound such as <5`);
}

function code(codes: Readonly<Record<string, string | undefined>>, label: string, what: string) {
  if (!(label in codes)) throw new Error(`GLOTIP ${what} "${label}" has no catalog code`);
  return codes[label];
}

function dimensionsOf(record: GlotipRecord): Partial<Record<DimensionName, string>> {
  const dimensions: Partial<Record<DimensionName, string>> = {};
  const sex = code(sexCodes, record.Sex, "sex");
  const age = code(ageCodes, record.Age, "age");
  if (sex) dimensions.sex = sex;
  if (age) dimensions.age_group = age;
  if (record.Dimension === "by form of exploitation")
    dimensions.exploitation = code(exploitationCodes, record.Category, "form of exploitation");
  return dimensions;
}

/**
 * Honduras' own figures (`Iso3_code` HND) for one GLOTIP indicator, one row per year and
 * breakdown, in the file's order. GLOTIP sometimes repeats a cell with different values (2020,
 * victims of other forms of exploitation: 15, 5, <5, <5); no one of them can be told to be the
 * right one, so the cell is kept as missing with a note listing what the source held.
 */
export function glotipRows(
  records: readonly GlotipRecord[],
  indicator: string,
  indicatorId: string,
  source: string,
): TidyRow[] {
  const cells = new Map<string, { row: TidyRow; texts: string[] }>();
  for (const record of records) {
    if (record.Iso3_code !== "HND" || record.Indicator !== indicator) continue;
    if (!keptDimensions.has(record.Dimension)) continue;
    if (record["Unit of measurement"] !== "Counts")
      throw new Error(`GLOTIP unit "${record["Unit of measurement"]}" is not Counts`);
    const dimensions = dimensionsOf(record);
    const key = JSON.stringify([record.Year, dimensions]);
    const seen = cells.get(key);
    if (seen) {
      seen.texts.push(record.txtVALUE);
      continue;
    }
    const row: TidyRow = {
      indicator_id: indicatorId,
      period: record.Year,
      ...(Object.keys(dimensions).length > 0 ? { dimensions } : {}),
      ...glotipValue(record.txtVALUE),
      source,
    };
    cells.set(key, { row, texts: [record.txtVALUE] });
  }
  return [...cells.values()]
    .map(({ row, texts }) => (new Set(texts).size > 1 ? conflicting(row, texts) : row))
    .sort((a, b) => Number(a.period) - Number(b.period));
}

function conflicting(row: TidyRow, texts: readonly string[]): TidyRow {
  return {
    ...row,
    value: null,
    obs_status: "normal",
    note: `UNODC's file repeats this cell with different values (${texts.join("; ")}); none is kept`,
  };
}
