import * as arrow from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnsToIpc } from "../../src/lib/db/columns-to-ipc";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import type { Observation } from "../../src/lib/observations/columns";
import {
  observationColumnsLazily,
  observationsToColumns,
} from "../../src/lib/observations/observation-table";
import { arrowIpcToParquet, parquetToArrowIpc } from "../../src/lib/parquet/parquet-codec";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";

let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
});
afterAll(async () => engine.close());

const text = ["HN", null, "USA", "HN", "", "ñandú ✓", null];
const numbers = [1.5, null, -0, 3, Number.MAX_VALUE, 0.1, null];

describe("columns as Arrow IPC (text dictionary-coded, numbers as Float64)", () => {
  it("arrives in DuckDB as VARCHAR and DOUBLE with every value and NULL in place", async () => {
    await engine.exec("DROP TABLE IF EXISTS ipc_round_trip");
    await engine.insertArrowIpc(
      "ipc_round_trip",
      columnsToIpc(arrow, {
        code: { kind: "text", values: text },
        value: { kind: "number", values: numbers },
      }),
    );
    const types = await engine.query(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'ipc_round_trip' ORDER BY ordinal_position",
    );
    expect(types).toEqual([
      { column_name: "code", data_type: "VARCHAR" },
      { column_name: "value", data_type: "DOUBLE" },
    ]);
    const rows = await engine.query("SELECT code, value FROM ipc_round_trip");
    expect(rows.map((r) => r.code)).toEqual(text);
    expect(rows.map((r) => r.value)).toEqual(numbers);
  });

  it("keeps an all-blank text column as text, and an empty table loadable", async () => {
    await engine.exec("DROP TABLE IF EXISTS ipc_blank; DROP TABLE IF EXISTS ipc_empty");
    await engine.insertArrowIpc(
      "ipc_blank",
      columnsToIpc(arrow, { note: { kind: "text", values: [null, null] } }),
    );
    await engine.insertArrowIpc(
      "ipc_empty",
      columnsToIpc(arrow, {
        note: { kind: "text", values: [] },
        value: { kind: "number", values: [] },
      }),
    );
    const types = await engine.query(
      "SELECT table_name, data_type FROM information_schema.columns WHERE table_name IN ('ipc_blank', 'ipc_empty') ORDER BY table_name, ordinal_position",
    );
    expect(types.map((t) => `${t.table_name}:${t.data_type}`)).toEqual([
      "ipc_blank:VARCHAR",
      "ipc_empty:VARCHAR",
      "ipc_empty:DOUBLE",
    ]);
    const [{ n } = { n: -1 }] = await engine.query("SELECT count(*) AS n FROM ipc_empty");
    expect(Number(n)).toBe(0);
  });

  it("compiles no code from text, which the page's content security policy refuses", () => {
    const original = globalThis.Function;
    const refuse = () => {
      throw new EvalError("code compiled from text");
    };
    globalThis.Function = new Proxy(original, { construct: refuse, apply: refuse });
    try {
      // The trap works: Arrow's own builder compiles its validity check from text.
      expect(() => arrow.vectorFromArray(["HN"], new arrow.Utf8())).toThrow(EvalError);
      const ipc = columnsToIpc(arrow, {
        code: { kind: "text", values: text },
        empty: { kind: "text", values: [null, null, null, null, null, null, null] },
        value: { kind: "number", values: numbers },
      });
      const none = columnsToIpc(arrow, { code: { kind: "text", values: [] } });
      globalThis.Function = original;
      expect(arrow.tableFromIPC(ipc).getChild("code")?.toArray()).toEqual(text);
      expect(arrow.tableFromIPC(none).numRows).toBe(0);
    } finally {
      globalThis.Function = original;
    }
  });

  it("survives the Parquet round trip that stores accepted files", () => {
    const parquet = arrowIpcToParquet(
      nodeParquet,
      columnsToIpc(arrow, { code: { kind: "text", values: text } }),
    );
    const back = arrow.tableFromIPC(parquetToArrowIpc(nodeParquet, parquet));
    expect(back.getChild("code")?.toArray()).toEqual(text);
  });

  it("keys each dictionary by the narrowest integer that holds its words, in DuckDB and Parquet alike", async () => {
    // 3 words, 200 words and 40,000 words: one-, two- and four-byte keys, each with NULLs.
    const column = (words: number) => ({
      kind: "text" as const,
      values: Array.from({ length: 80_000 }, (_, i) => (i % 7 === 3 ? null : `w${i % words}`)),
    });
    const sized = { few: column(3), several: column(200), many: column(40_000) };
    const ipc = columnsToIpc(arrow, sized);
    const table = arrow.tableFromIPC(ipc);
    const keyBits = (name: string) => {
      const type = table.schema.fields.find((f) => f.name === name)?.type;
      return arrow.DataType.isDictionary(type) ? type.indices.bitWidth : null;
    };
    expect([keyBits("few"), keyBits("several"), keyBits("many")]).toEqual([8, 16, 32]);

    await engine.exec("DROP TABLE IF EXISTS ipc_widths");
    await engine.insertArrowIpc("ipc_widths", ipc);
    const rows = await engine.query("SELECT few, several, many FROM ipc_widths");
    for (const [name, values] of Object.entries(sized))
      expect(rows.map((r) => r[name])).toEqual(values.values);

    const back = arrow.tableFromIPC(
      parquetToArrowIpc(nodeParquet, arrowIpcToParquet(nodeParquet, ipc)),
    );
    for (const [name, values] of Object.entries(sized))
      expect(back.getChild(name)?.toArray()).toEqual(values.values);
  });

  // Each stream numbers its dictionaries afresh, so streams are compared by the rows they hold.
  const rowsOf = (ipc: Uint8Array) =>
    arrow
      .tableFromIPC(ipc)
      .toArray()
      .map((row) => ({ ...row.toJSON() }));

  it("builds a column given as a function in its turn, to the same rows", () => {
    const built: string[] = [];
    const lazily = columnsToIpc(arrow, {
      code: () => {
        built.push("code");
        return { kind: "text", values: text };
      },
      value: () => {
        built.push("value");
        expect(built).toEqual(["code", "value"]);
        return { kind: "number", values: numbers };
      },
    });
    const eagerly = columnsToIpc(arrow, {
      code: { kind: "text", values: text },
      value: { kind: "number", values: numbers },
    });
    expect(built).toEqual(["code", "value"]);
    expect(rowsOf(lazily)).toEqual(rowsOf(eagerly));
  });

  it("gives the same Arrow for observations whether their columns are built lazily or at once", () => {
    const observations: Observation[] = [
      {
        indicator_id: "returnees-received",
        period: "2025-Q1",
        time: 2025,
        value: 12,
        dimensions: { sex: "female" },
        unit: null,
        obs_status: "normal",
        source: "OIM",
        note: null,
      },
      {
        indicator_id: "returnees-received",
        period: "2025-Q2",
        time: 2025.25,
        value: null,
        dimensions: {},
        unit: "count",
        obs_status: "estimated",
        source: null,
        note: "nota",
      },
    ];
    const lazily = rowsOf(columnsToIpc(arrow, observationColumnsLazily(observations)));
    expect(lazily).toEqual(rowsOf(columnsToIpc(arrow, observationsToColumns(observations))));
    expect(lazily[1]).toMatchObject({ period: "2025-Q2", value: null, note: "nota", sex: null });
  });
});
