import { Float64, Table, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { type IntakeOptions, inspectFile } from "../../../src/lib/intake/inspect-file";
import { readParquetInParts } from "../../../src/lib/intake/read-parquet-in-parts";
import { arrowIpcToParquet } from "../../../src/lib/parquet/parquet-codec";
import { nodeParquet } from "../../../src/lib/parquet/parquet-node";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();

type Column = (string | null)[] | (number | null)[];

/** A Parquet file of plain text and number columns, in row groups of `rowGroup` rows. */
function parquet(columns: Record<string, Column>, rowGroup: number): Uint8Array {
  const vectors = Object.fromEntries(
    Object.entries(columns).map(([name, values]) => [
      name,
      typeof values.find((v) => v !== null) === "number"
        ? vectorFromArray(values as (number | null)[], new Float64())
        : vectorFromArray(values as (string | null)[], new Utf8()),
    ]),
  );
  return arrowIpcToParquet(nodeParquet, tableToIPC(new Table(vectors), "stream"), rowGroup);
}

/** The whole reading and the reading in parts of `partRows` give the very same result. */
async function expectSameInParts(name: string, bytes: Uint8Array, partRows: number) {
  const options: IntakeOptions = { parquet: nodeParquet };
  const whole = await inspectFile(catalog, name, bytes, options);
  const inParts = await inspectFile(catalog, name, bytes, { ...options, partRows });
  expect(inParts).toEqual(whole);
  const read = readParquetInParts(catalog, name, nodeParquet, bytes, [], {
    partRows,
    fromRows: 0,
  });
  return { whole, read };
}

const quarters = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${2000 + Math.floor(i / 8)}-Q${(Math.floor(i / 2) % 4) + 1}`,
  );

describe("checking a large Parquet file in parts gives what checking it whole gives", () => {
  it("a clean long file, parts and row groups of different sizes", async () => {
    const n = 500;
    const bytes = parquet(
      {
        indicator_id: Array.from({ length: n }, () => "returnees-received"),
        period: quarters(n),
        value: Array.from({ length: n }, (_, i) => 1000 + i),
        sex: Array.from({ length: n }, (_, i) => (i % 2 ? "female" : "male")),
        note: Array.from({ length: n }, (_, i) => (i % 3 ? null : `nota ${i}, con coma`)),
      },
      37,
    );
    const { whole, read } = await expectSameInParts("q.parquet", bytes, 64);
    expect(read?.kind).toBe("validated");
    expect(whole.errors).toBe(0);
    expect(whole.observations).toHaveLength(n);
  });

  it("errors in every part: unknown codes, bad periods and values, blanks, hidden characters, a key repeated across parts", async () => {
    const n = 300;
    const indicator = Array.from({ length: n }, (_, i): string =>
      i % 41 === 5 ? "no-such-indicator" : "returnees-received",
    );
    const period = quarters(n).map((p, i) => (i % 53 === 7 ? "trimestre raro" : p));
    const value = Array.from({ length: n }, (_, i) => (i % 29 === 3 ? null : 10 * i));
    const sex = Array.from({ length: n }, (_, i): string =>
      i % 31 === 2 ? "otro" : i % 37 === 4 ? "fe\u200bmale" : i % 2 ? "female" : "male",
    );
    // Row 250 repeats the key of row 2 (the first record), 200 rows and several parts later.
    period[248] = period[0] ?? "";
    sex[248] = sex[0] ?? "";
    indicator[248] = indicator[0] ?? "";
    const bytes = parquet({ indicator_id: indicator, period, value, sex }, 50);
    const { whole, read } = await expectSameInParts("errores.parquet", bytes, 45);
    expect(read?.kind).toBe("validated");
    const codes = new Set(whole.findings.map((f) => f.code));
    for (const code of ["unknown_indicator", "unparseable_period", "duplicate_key"])
      expect(codes).toContain(code);
    expect(
      whole.findings.some(
        (f) => f.code === "duplicate_key" && f.row === 250 && f.detail?.firstRow === 2,
      ),
    ).toBe(true);
  });

  it("a wide file (one column per period) is checked in parts the same way", async () => {
    const n = 200;
    const bytes = parquet(
      {
        indicator_id: Array.from({ length: n }, () => "returnees-received"),
        sex: Array.from({ length: n }, (_, i) => (i % 2 ? "female" : "male")),
        age_group: Array.from(
          { length: n },
          (_, i) => ["Y0T14", "Y15T29", "Y30T64"][i % 3] ?? null,
        ),
        "2023-Q1": Array.from({ length: n }, (_, i) => i),
        "2023-Q2": Array.from({ length: n }, (_, i) => (i % 5 ? i + 1 : null)),
      },
      64,
    );
    const { read } = await expectSameInParts("ancho.parquet", bytes, 50);
    expect(read?.kind).toBe("validated");
  });

  it("a funding file is left to the whole reading, with the same result", async () => {
    const n = 120;
    const bytes = parquet(
      {
        donor: Array.from({ length: n }, (_, i) => `Donante ${i % 4}`),
        commitment_id: Array.from({ length: n }, () => "C1"),
        year: Array.from({ length: n }, (_, i) => 2015 + (i % 10)),
        amount_usd: Array.from({ length: n }, (_, i) => 1000 * i),
      },
      30,
    );
    const { whole, read } = await expectSameInParts("fondos.parquet", bytes, 40);
    expect(read).toBeNull();
    expect(whole.kind).toBe("funding");
  });

  it("a file under the size for parts is read whole", () => {
    const bytes = parquet(
      { indicator_id: ["returnees-received"], period: ["2024-Q1"], value: [1] },
      10,
    );
    expect(
      readParquetInParts(catalog, "corto.parquet", nodeParquet, bytes, [], {
        partRows: 65_536,
        fromRows: 100_000,
      }),
    ).toBeNull();
  });
});
