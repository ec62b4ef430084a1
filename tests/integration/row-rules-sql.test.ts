import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateObservationsCsv } from "../../scripts/lib/generate-observations";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import { isFundingHeader } from "../../src/lib/funding/funding-header";
import { inspectFile } from "../../src/lib/intake/inspect-file";
import { isStopped } from "../../src/lib/intake/intake-result";
import type { PreparedTable } from "../../src/lib/intake/rules/table-layout";
import { checkRowsInDuckDb } from "../../src/lib/intake/sql/check-rows-in-duckdb";
import { historyViewSql } from "../../src/lib/intake/sql/history-sql";
import { decodeFile } from "../../src/lib/intake/stages/decode-file";
import { locateRows } from "../../src/lib/intake/stages/locate-rows";
import { mapColumns } from "../../src/lib/intake/stages/map-columns";
import { screenFile } from "../../src/lib/intake/stages/screen-file";
import { validatePrepared } from "../../src/lib/intake/validate-observations";
import { type Observation, observationColumns } from "../../src/lib/observations/columns";
import { loadObservations } from "../../src/lib/observations/observation-table";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { projectCatalog } from "../helpers/catalog";
import { hostileFiles } from "../helpers/hostile-files";

const catalog = projectCatalog();
let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

/** The table the row rules get, through the same stages as inspectFile; null when none. */
async function prepared(file: string, bytes: Uint8Array): Promise<PreparedTable | null> {
  const screened = screenFile(file, bytes);
  if (isStopped(screened)) return null;
  const decoded = await decodeFile(file, bytes, screened.format, { parquet: nodeParquet });
  if (isStopped(decoded)) return null;
  const located = locateRows(file, decoded);
  if (isStopped(located) || isFundingHeader(located.table.header)) return null;
  const mapped = mapColumns(catalog, file, located.table, decoded.delimiter, {});
  return isStopped(mapped) ? null : mapped.prepared;
}

async function expectSameAsJavaScript(table: PreparedTable) {
  const inJavaScript = validatePrepared(catalog, table);
  const inSql = await checkRowsInDuckDb(engine, catalog, table);
  expect(inSql.findings).toEqual(inJavaScript.findings);
  expect(inSql.fixes).toEqual(inJavaScript.fixes);
  expect(inSql.observations).toEqual(inJavaScript.observations);
}

const fixtureFiles = ["tests/fixtures", "tests/fixtures/intake", "tests/fixtures/real"].flatMap(
  (dir) =>
    readdirSync(dir)
      .filter((name) => /\.(csv|tsv|xlsx)$/.test(name))
      .map((name) => join(dir, name)),
);

describe("the row rules as SQL in DuckDB give what the JavaScript rules give", () => {
  it.each(fixtureFiles)("%s", async (path) => {
    const table = await prepared(path, new Uint8Array(readFileSync(path)));
    if (table && table.periodColumns.length === 0) await expectSameAsJavaScript(table);
  });

  it("every hostile file that reaches the rules", async () => {
    for (const file of await hostileFiles()) {
      const table = await prepared(file.fileName, file.bytes);
      if (table && table.periodColumns.length === 0) await expectSameAsJavaScript(table);
    }
  });

  it("a generated quarter of 5,000 rows", async () => {
    const bytes = new TextEncoder().encode(generateObservationsCsv(5000, 7));
    const table = await prepared("q.csv", bytes);
    if (!table) throw new Error("no table");
    await expectSameAsJavaScript(table);
  });

  it("every rule at once: unknown, malformed, out of range, mismatched, recoded, duplicated", async () => {
    const csv = [
      "indicador,periodo,valor,unidad,sexo,geografia,departamento,estado,fuente,nota",
      "foo,2024-Q1,1,,,,,,,",
      " remittance-inflows-usd ,2024T1, 12 ,usd,,,,,,",
      "remittance-inflows-usd,2024-Q5,x,,,,,,,",
      "remittance-inflows-usd,2024,-5,personas,F,,,,,",
      "returnees-received,2024-Q2,n/d,,,,Tegucigalpa,,,",
      "returnees-received,2024-Q2,n/d,,,,Tegucigalpa,,,",
      'returnees-received,2024-Q3,"1.234,5",casos,M,CAN,Atlantida, provisional ,FMI ,nota',
      "returnees-received,2024-Q4,7.5,,mujer,USA,HN08,estimated,,",
      "account-ownership-adults,2024,150,%,,,,,,",
      "account-ownership-adults,2025,55,porcentaje,,,,illustrative,OIM,",
    ].join("\n");
    const table = await prepared("t.csv", new TextEncoder().encode(csv));
    if (!table) throw new Error("no table");
    const codes = new Set(validatePrepared(catalog, table).findings.map((f) => f.code));
    for (const code of [
      "unknown_indicator",
      "impossible_period",
      "wrong_periodicity",
      "non_numeric_value",
      "missing_value",
      "below_minimum",
      "above_maximum",
      "fractional_count",
      "unit_mismatch",
      "disaggregation_not_allowed",
      "code_not_allowed",
      "unknown_department",
      "duplicate_key",
    ] as const)
      expect(codes).toContain(code);
    await expectSameAsJavaScript(table);
    await expectSameAsJavaScript({ ...table, decimal: "," });
    await expectSameAsJavaScript({ ...table, constants: { unit: " usd" } });
  });

  it("reads every way of writing a number as parseNumber does, in both conventions", async () => {
    const values = [
      "12",
      "-7",
      "0012",
      "1234567890123456",
      "1,234",
      "1.234",
      "1,234.5",
      "1.234,5",
      "1 234",
      "1\u00a0234",
      "+3",
      ".5",
      "-.5",
      "1e3",
      "1E-2",
      "2,5",
      "12,34,5",
      "1e400",
      "abc",
      "..",
      "n/d",
      "N/A",
      "\u2014",
      "s/d",
      "5 %",
      "1.2.3",
      "",
      "  ",
      "-",
      "0x10",
      "Infinity",
      "NaN",
    ];
    const records = values.map((value, i) => ({
      row: i + 2,
      cells: ["remittance-inflows-usd", `${2000 + i}-Q1`, value],
    }));
    for (const decimal of [".", ","] as const)
      await expectSameAsJavaScript({
        file: "n.csv",
        header: ["indicador", "periodo", "valor"],
        headerRow: 1,
        columns: ["indicator_id", "period", "value"],
        constants: {},
        records,
        periodColumns: [],
        decimal,
      });
  });

  it("inspectFile with sqlRowRules gives the same result on every fixture and hostile file", async () => {
    const files = [
      ...fixtureFiles.map((path) => ({
        fileName: path.split("/").at(-1) ?? path,
        bytes: new Uint8Array(readFileSync(path)),
      })),
      ...(await hostileFiles()),
    ];
    for (const { fileName, bytes } of files) {
      const inJavaScript = await inspectFile(catalog, fileName, bytes, { parquet: nodeParquet });
      const inSql = await inspectFile(catalog, fileName, bytes, {
        parquet: nodeParquet,
        sqlRowRules: engine,
      });
      expect(inSql, fileName).toEqual(inJavaScript);
    }
  });

  it("a large file read in parts, its rows staged as ids part by part, gives the same result", async () => {
    const lines = generateObservationsCsv(20_000, 11).split("\n");
    // Errors and fixes in late parts too: an unknown indicator, a spaced period, a duplicate.
    lines.push(
      "nonexistent-indicator,2024-Q1,5,,,",
      lines[5] ?? "",
      " returnees-received , 2030-Q1 ,7,,,",
    );
    const bytes = new TextEncoder().encode(lines.join("\n"));
    const partBytes = 64 * 1024;
    expect(bytes.length).toBeGreaterThan(10 * partBytes);
    const inJavaScript = await inspectFile(catalog, "parts.csv", bytes, { partBytes });
    const inSql = await inspectFile(catalog, "parts.csv", bytes, {
      partBytes,
      sqlRowRules: engine,
    });
    expect(inJavaScript.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(["unknown_indicator", "duplicate_key"]),
    );
    expect(inSql).toEqual(inJavaScript);
    // The rows did go to DuckDB, every one of them.
    const [staged] = await engine.query("SELECT count(*) AS n FROM intake_file_rows");
    expect(Number(staged?.n)).toBe(lines.filter((l) => l !== "").length - 1);
  });

  it("stages the checked rows and the accepted history of their indicators in the same shape", async () => {
    const csv =
      "indicador,periodo,valor,sexo\nreturnees-received,2025-Q1,10,F\nreturnees-received,2025-Q2,x,\n";
    const table = await prepared("h.csv", new TextEncoder().encode(csv));
    if (!table) throw new Error("no table");
    await checkRowsInDuckDb(engine, catalog, table);
    const accepted = (indicator_id: string, period: string, value: number): Observation => ({
      indicator_id,
      period,
      time: 2024,
      value,
      dimensions: {},
      unit: null,
      obs_status: "normal",
      source: null,
      note: null,
    });
    await loadObservations(engine, [
      accepted("returnees-received", "2024-Q1", 7),
      accepted("remittance-inflows-usd", "2024-Q1", 9),
    ]);
    await engine.exec(historyViewSql());
    const incoming = await engine.query('SELECT * FROM intake_observations ORDER BY "row"');
    const history = await engine.query("SELECT * FROM intake_history");
    expect(incoming).toEqual([
      expect.objectContaining({
        indicator_id: "returnees-received",
        period: "2025-Q1",
        value: 10,
        sex: "female",
        row: 2,
      }),
    ]);
    expect(history).toEqual([
      expect.objectContaining({
        indicator_id: "returnees-received",
        period: "2024-Q1",
        value: 7,
        sex: null,
        row: null,
      }),
    ]);
    expect(Object.keys(history[0] ?? {})).toEqual(Object.keys(incoming[0] ?? {}));
    expect(Object.keys(incoming[0] ?? {})).toEqual([...observationColumns, "row"]);
  });
});
