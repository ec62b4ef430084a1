import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dimensionNames } from "../../../src/lib/catalog/schema";
import { createI18n } from "../../../src/lib/i18n/create-i18n";
import { columnLetter } from "../../../src/lib/intake/check-grid";
import { describeFinding } from "../../../src/lib/intake/describe-finding";
import { type Finding, findingCodes } from "../../../src/lib/intake/findings";
import { inspectFile } from "../../../src/lib/intake/inspect-file";
import { nodeParquet } from "../../../src/lib/parquet/parquet-node";
import { toCsv, validRows } from "../../../src/lib/selfcheck/hostile-corpus";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const es = createI18n("es").t;
const en = createI18n("en").t;
const encode = (text: string) => new TextEncoder().encode(text);
const inspect = (name: string, bytes: Uint8Array) =>
  inspectFile(catalog, name, bytes, { parquet: nodeParquet });

/** A finding's code is known and both languages word it completely. */
function explained(finding: Finding): boolean {
  const messages = [describeFinding(finding, es), describeFinding(finding, en)];
  return (
    (findingCodes as readonly string[]).includes(finding.code) &&
    messages.every((m) => !/validation\.|\{\{/.test(m) && m.includes(finding.file))
  );
}

function prototypeSnapshot(): unknown[][] {
  return [Object.prototype, Array.prototype].map((proto) =>
    Object.getOwnPropertyNames(proto).map((name) => [
      name,
      Object.getOwnPropertyDescriptor(proto, name)?.value,
    ]),
  );
}

const magic = fc.constantFrom(
  new Uint8Array(),
  encode("PK\u0003\u0004"),
  encode("PAR1"),
  new Uint8Array([0xef, 0xbb, 0xbf]),
  new Uint8Array([0xff, 0xfe]),
  encode("indicator_id,period,value\n"),
);
const fileName = fc.constantFrom("a.csv", "b.xlsx", "c.parquet", "d.txt", "e", "f.xls");

describe("intake properties", () => {
  it("never throws on arbitrary bytes, leaves them unchanged, and explains every finding in both languages", async () => {
    await fc.assert(
      fc.asyncProperty(
        magic,
        fc.uint8Array({ maxLength: 4096 }),
        fileName,
        async (head, tail, name) => {
          const bytes = new Uint8Array([...head, ...tail]);
          const copy = bytes.slice();
          const result = await inspect(name, bytes);
          expect(bytes).toEqual(copy);
          expect(result.errors).toBe(result.findings.filter((f) => f.severity === "error").length);
          for (const finding of result.findings)
            expect(explained(finding), finding.code).toBe(true);
          // Arbitrary bytes are refused, or read as rows that each passed every check.
          if (result.errors === 0)
            expect(result.observations.length + result.funding.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 250 },
    );
  });

  it("with any text in one cell of a valid file: the rows are accepted, or the errors name that row", async () => {
    const header = validRows[0]?.map(String) ?? [];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: validRows.length - 1 }),
        fc.integer({ min: 0, max: header.length - 1 }),
        fc.oneof(
          fc.string({ maxLength: 40, unit: "binary" }),
          fc.constantFrom(
            "female",
            "male",
            "2031-Q2",
            "2031",
            "reintegration-rate",
            "returnees-received",
            "-1",
            "1e400",
            '=HYPERLINK("x")',
            "__proto__",
            "'); DROP TABLE observations;--",
          ),
        ),
        async (row, column, text) => {
          const rows = validRows.map((r) => [...r]);
          const target = rows[row];
          if (!target) throw new Error("no row");
          target[column] = text;
          const result = await inspect("celda.csv", encode(toCsv(rows)));
          const sheetRow = row + 1;
          const errors = result.findings.filter((f) => f.severity === "error");
          if (errors.length === 0) {
            expect(result.observations.map((o) => o.row)).toEqual([2, 3, 4]);
            return;
          }
          for (const finding of errors) {
            const names =
              finding.row === sheetRow ||
              (finding.code === "duplicate_key" && finding.detail?.firstRow === sheetRow);
            expect(names, JSON.stringify(finding)).toBe(true);
          }
          // The changed cell itself is named (by header or letter), unless the row now repeats
          // another's key; another indicator may also make the row's other cells wrong.
          const namesCell = errors.some(
            (f) =>
              f.row === sheetRow &&
              (f.column === header[column] || f.column === columnLetter(column)),
          );
          const duplicate = errors.some((f) => f.code === "duplicate_key");
          if (header[column] !== "indicator_id")
            expect(namesCell || duplicate, JSON.stringify(errors)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never lets header names or values (__proto__, constructor, SQL, HTML) reach a prototype", async () => {
    const hostile = fc.oneof(
      fc.constantFrom(
        "__proto__",
        "constructor",
        "prototype",
        "toString",
        "hasOwnProperty",
        "__defineGetter__",
        "valueOf",
        "'); DROP TABLE observations;--",
        "<script>alert(1)</script>",
        "sex",
        "value",
      ),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostile, { minLength: 1, maxLength: 6 }),
        fc.array(hostile, { minLength: 6, maxLength: 6 }),
        async (extraHeader, values) => {
          const before = prototypeSnapshot();
          const header = ["indicator_id", "period", "value", ...extraHeader];
          const row = [
            "returnees-received",
            "2031-Q1",
            "9000",
            ...extraHeader.map((_, i) => values[i] ?? ""),
          ];
          const result = await inspect(
            "proto.csv",
            encode(
              toCsv([header, row, ["returnees-received", "2031-Q2", "9100", ...row.slice(3)]]),
            ),
          );
          expect(prototypeSnapshot()).toEqual(before);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          for (const o of result.observations) {
            expect(Object.getPrototypeOf(o.dimensions)).toBe(Object.prototype);
            for (const key of Object.keys(o.dimensions))
              expect(dimensionNames as readonly string[]).toContain(key);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads back a valid generated table written with either delimiter and decimal convention", async () => {
    const observation = fc.oneof(
      fc.record({
        indicator: fc.constant("returnees-received"),
        year: fc.integer({ min: 1990, max: 2099 }),
        quarter: fc.integer({ min: 1, max: 4 }),
        value: fc.integer({ min: 0, max: 10_000_000 }),
        sex: fc.constantFrom("", "female", "male"),
      }),
      fc.record({
        indicator: fc.constant("reintegration-rate"),
        year: fc.integer({ min: 1990, max: 2099 }),
        quarter: fc.integer({ min: 1, max: 4 }),
        value: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
        sex: fc.constantFrom("", "female", "male"),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(observation, {
          minLength: 1,
          maxLength: 30,
          selector: (o) => `${o.indicator}|${o.year}|${o.quarter}|${o.sex}`,
        }),
        fc.constantFrom(
          { delimiter: ",", decimal: "." },
          { delimiter: ";", decimal: "," },
          { delimiter: "\t", decimal: "." },
        ),
        async (table, convention) => {
          const lines = [
            ["indicator_id", "period", "value", "sex"],
            ...table.map((o) => [
              o.indicator,
              `${o.year}-Q${o.quarter}`,
              String(o.value).replace(".", convention.decimal),
              o.sex,
            ]),
          ];
          const text = `${lines.map((l) => l.join(convention.delimiter)).join("\r\n")}\r\n`;
          const result = await inspect("vuelta.csv", encode(text));
          expect(result.errors).toBe(0);
          expect(
            result.observations.map((o) => [
              o.indicator_id,
              o.period,
              o.value,
              o.dimensions.sex ?? "",
            ]),
          ).toEqual(table.map((o) => [o.indicator, `${o.year}-Q${o.quarter}`, o.value, o.sex]));
        },
      ),
      { numRuns: 200 },
    );
  });
});
