import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import { createI18n } from "../../src/lib/i18n/create-i18n";
import { describeFinding, shown } from "../../src/lib/intake/describe-finding";
import type { Finding } from "../../src/lib/intake/findings";
import { type IntakeResult, inspectFile } from "../../src/lib/intake/inspect-file";
import {
  exportObservationsParquet,
  loadObservations,
} from "../../src/lib/observations/observation-table";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { collectObservations } from "../../src/lib/published/local-data-node";
import { validRows } from "../../src/lib/selfcheck/hostile-corpus";
import { dataState } from "../../src/lib/selfcheck/selfcheck";
import { type SubmitContext, submitFile } from "../../src/lib/selfcheck/submit-file";
import { createMemoryStore } from "../../src/lib/submissions/memory-store";
import { loadBase, restoreSubmissions } from "../../src/lib/submissions/submission-service";
import { projectCatalog } from "../helpers/catalog";
import { hostileFiles, hostileTextFile, nodeCorpusTools, toCsv } from "../helpers/hostile-files";

const catalog = projectCatalog();
const corpus = await hostileFiles();
const es = createI18n("es").t;
const en = createI18n("en").t;
const inspect = (name: string, bytes: Uint8Array) =>
  inspectFile(catalog, name, bytes, { parquet: nodeParquet });
const errorsOf = (r: IntakeResult) => r.findings.filter((f) => f.severity === "error");
// biome-ignore lint/suspicious/noControlCharactersInRegex: a message must hold no control character.
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/** Every own property of the prototypes a hostile name could reach, with its value. */
function prototypeSnapshot(): unknown[][] {
  return [Object.prototype, Array.prototype, Function.prototype].map((proto) =>
    Object.getOwnPropertyNames(proto).map((name) => [
      name,
      Object.getOwnPropertyDescriptor(proto, name)?.value,
    ]),
  );
}

/** The finding as both languages word it, checked to be a complete message naming the place. */
function expectClearMessages(finding: Finding) {
  const spanish = describeFinding(finding, es);
  const english = describeFinding(finding, en);
  for (const message of [spanish, english]) {
    expect(message, finding.code).not.toMatch(/validation\.|\{\{/);
    expect(message).not.toMatch(controlCharacter);
    expect(message.length).toBeLessThan(1500);
    expect(message).toContain(shown(finding.file));
  }
  expect(spanish).not.toBe(english);
  if (finding.row !== undefined) {
    expect(spanish).toContain(`fila ${finding.row}`);
    expect(english).toContain(`row ${finding.row}`);
  }
  if (finding.column !== undefined) {
    expect(spanish).toContain(`columna «${shown(finding.column)}»`);
    expect(english).toContain(`column “${shown(finding.column)}”`);
  }
}

describe("reading hostile files in parts", () => {
  it.each(corpus.map((c) => [c.name, c] as const))(
    "%s: read in 64 KB parts gives what reading it whole gives",
    async (_, file) => {
      const whole = await inspect(file.fileName, file.bytes);
      const inParts = await inspectFile(catalog, file.fileName, file.bytes, {
        parquet: nodeParquet,
        partBytes: 64 << 10,
      });
      expect(inParts).toEqual(whole);
    },
  );
});

describe("inspectFile on broken and hostile files", () => {
  it("has a corpus of every kind asked for", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it.each(corpus.map((c) => [c.name, c] as const))(
    "%s: refused with a clear error in both languages; the bytes and prototypes untouched",
    async (_, file) => {
      const prototypes = prototypeSnapshot();
      const copy = file.bytes.slice();
      const result = await inspect(file.fileName, file.bytes);
      expect(Buffer.from(file.bytes).equals(Buffer.from(copy))).toBe(true);
      expect(prototypeSnapshot()).toEqual(prototypes);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const errors = errorsOf(result);
      expect(
        errors.some((f) => file.expectedCodes.includes(f.code)),
        `${file.name}: ${errors.map((f) => f.code).join(", ")}`,
      ).toBe(true);
      for (const finding of result.findings) expectClearMessages(finding);
    },
    60_000,
  );

  const find = async (name: string) => {
    const file = corpus.find((c) => c.name === name);
    if (!file) throw new Error(`no case ${name}`);
    return errorsOf(await inspect(file.fileName, file.bytes)).map((f) => ({
      code: f.code,
      row: f.row,
      column: f.column,
      detail: f.detail,
    }));
  };

  it("names the row and the column (as the spreadsheet letters them) of structural problems", async () => {
    expect(await find("million-columns")).toEqual([
      { code: "too_many_columns", row: 1, column: undefined, detail: { limit: 10_000 } },
    ]);
    expect(await find("long-line-of-fields")).toEqual([
      { code: "too_many_columns", row: 2, column: undefined, detail: { limit: 10_000 } },
    ]);
    expect(await find("ten-mb-cell")).toEqual([
      {
        code: "cell_too_long",
        row: 2,
        column: "E",
        detail: { characters: 10 * 1024 * 1024, limit: 32_767 },
      },
    ]);
    expect(await find("truncated-csv-in-quotes")).toEqual([
      { code: "unterminated_quote", row: 2, column: undefined, detail: undefined },
    ]);
    expect(await find("mixed-encodings")).toEqual([
      { code: "mixed_encoding", row: 3, column: undefined, detail: { utf8Row: 2 } },
    ]);
    expect(await find("duplicate-headers")).toEqual([
      {
        code: "duplicate_column",
        row: 1,
        column: "value",
        detail: { column: "value", first: "valor" },
      },
    ]);
    expect(await find("xls-binary")).toEqual([
      {
        code: "unsupported_file",
        row: undefined,
        column: undefined,
        detail: { kind: "Excel 97-2003 (.xls)" },
      },
    ]);
    expect(
      (await find("control-characters")).filter((f) => f.code === "control_character"),
    ).toEqual([
      { code: "control_character", row: 2, column: "E", detail: { character: "U+0000" } },
      { code: "control_character", row: 3, column: "E", detail: { character: "U+0007" } },
    ]);
    expect(
      (await find("invisible-characters")).filter((f) => f.code === "control_character"),
    ).toEqual([
      { code: "control_character", row: 2, column: "A", detail: { character: "U+200B" } },
      { code: "control_character", row: 3, column: "E", detail: { character: "U+202E" } },
    ]);
  });

  it("shows control characters as visible symbols and cuts long values in messages", () => {
    const finding: Finding = {
      severity: "error",
      code: "control_character",
      file: "a\u001b[2J.csv",
      row: 3,
      column: "E",
      value: `\u0007x\u001b[31m\u202e${"y".repeat(5000)}`,
      detail: { character: "U+0007" },
    };
    const message = describeFinding(finding, es);
    expect(message).toContain("a␛[2J.csv");
    expect(message).toContain("«␇x␛[31m⟨U+202E⟩yyy");
    expect(message).toContain("y…»");
    expect(message.length).toBeLessThan(600);
  });

  it("reads a valid workbook, Parquet or CSV by its content whatever its name, with a warning", async () => {
    const good = [
      { name: "libro.csv", bytes: await nodeCorpusTools.xlsx(validRows), format: "xlsx" },
      {
        name: "texto.xlsx",
        bytes: new TextEncoder().encode(toCsv(validRows)),
        format: "csv",
      },
    ];
    for (const file of good) {
      const r = await inspect(file.name, file.bytes);
      expect(r.format).toBe(file.format);
      expect(r.errors).toBe(0);
      expect(r.findings.filter((f) => f.severity === "warning").map((f) => f.code)).toEqual([
        "extension_mismatch",
      ]);
      expect(r.observations.map((o) => [o.value, o.dimensions])).toEqual([
        [9000, {}],
        [2100, { sex: "female" }],
        [6900, { sex: "male" }],
      ]);
    }
    const right = await inspect("libro.xlsx", good[0]?.bytes ?? new Uint8Array());
    expect(right.warnings).toBe(0);
  });

  it("keeps text that merely looks hostile (script, SQL, formulas, __proto__) exactly as written", async () => {
    const { bytes, texts } = hostileTextFile();
    const r = await inspect("notas.csv", bytes);
    expect(r.errors).toBe(0);
    expect(r.observations.map((o) => o.note)).toEqual(texts);
    expect(r.observations.map((o) => o.source)).toEqual(texts);
  });

  it("still reads what officers legitimately write: multi-line quoted notes, tabs in cells, Excel's Unicode text", async () => {
    const multiLine = new TextEncoder().encode(
      'indicator_id,period,value,note\nreturnees-received,2031-Q1,9000,"línea uno\nlínea\tdos"\n',
    );
    const r = await inspect("multi.csv", multiLine);
    expect(r.errors).toBe(0);
    expect(r.observations[0]?.note).toBe("línea uno\nlínea\tdos");

    const text = validRows.map((row) => row.join("\t")).join("\r\n");
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const unicode = await inspect("unicode.txt", utf16);
    expect(unicode.errors).toBe(0);
    expect(unicode.findings.find((f) => f.code === "decoded_as")?.detail).toEqual({
      encoding: "utf-16le",
      delimiter: "tab",
    });
    expect(unicode.observations).toHaveLength(3);
  });

  it("decodes Windows-1252 punctuation (—, “ ”, €) as browsers do, not as control characters", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(
        "indicator_id;period;value;note\nreturnees-received;2031-Q1;9000;",
      ),
      0x93,
      0x6e,
      0xf3,
      0x94,
      0x20,
      0x97,
      0x20,
      0x80,
      0x0a,
    ]);
    const r = await inspect("es.csv", bytes);
    expect(r.errors).toBe(0);
    expect(r.observations[0]?.note).toBe("“nó” — €");
  });

  it("prints no control character to the terminal from gcm validate", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gcm-hostile-"));
    try {
      const file = join(dir, "control.csv");
      const control = corpus.find((c) => c.name === "control-characters");
      await writeFile(file, control?.bytes ?? new Uint8Array());
      const stdout = await promisify(execFile)("npx", ["tsx", "src/cli/gcm.ts", "validate", file], {
        encoding: "utf8",
      }).then(
        (r) => r.stdout,
        (e: { stdout: string }) => e.stdout,
      );
      expect(stdout).toContain("␛[31m");
      expect(stdout.replace(/\n/g, "")).not.toMatch(controlCharacter);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe("end to end: a refused file changes nothing", () => {
  let engine: Engine;
  let base: Uint8Array;
  const store = createMemoryStore();
  let context: SubmitContext;
  const at = "2031-07-01T00:00:00.000Z";

  beforeAll(async () => {
    const builder = await startNodeEngine();
    await loadObservations(builder, await collectObservations());
    base = await exportObservationsParquet(builder, nodeParquet);
    await builder.close();
    engine = await startNodeEngine();
    await loadBase(engine, nodeParquet, base);
    context = {
      catalog,
      engine,
      store,
      parquet: nodeParquet,
      arrow: nodeCorpusTools.arrow,
    };
    // Accepted data to lose: a quarter already accepted.
    const seed = await submitFile(context, "seed.csv", new TextEncoder().encode(toCsv(validRows)), {
      id: "seed",
      at,
    });
    expect(seed.outcome).toBe("accepted");
  });
  afterAll(async () => engine.close());

  it.each(corpus.map((c) => [c.name, c] as const))(
    "%s: refused; accepted data and store byte-for-byte the same",
    async (_, file) => {
      const before = await dataState(engine, store);
      const outcome = await submitFile(context, file.fileName, file.bytes, { id: file.name, at });
      expect(outcome.outcome === "refused" ? outcome.reason : "accepted").toBe("errors");
      expect(await dataState(engine, store)).toEqual(before);
    },
    60_000,
  );

  it("would see a change: a valid file is accepted and the fingerprint moves", async () => {
    const before = await dataState(engine, store);
    const outcome = await submitFile(
      context,
      "q2.csv",
      new TextEncoder().encode("indicator_id,period,value\nreturnees-received,2031-Q2,8800\n"),
      { id: "q2", at },
    );
    expect(outcome.outcome).toBe("accepted");
    const after = await dataState(engine, store);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.rows).toHaveLength(before.rows.length + 1);
    expect(after.records).toHaveLength(before.records.length + 1);
  });

  it("stores hostile-looking text verbatim: values reach DuckDB as data, never as SQL", async () => {
    const { bytes, texts } = hostileTextFile();
    const outcome = await submitFile(context, "notas.csv", bytes, { id: "notas", at });
    expect(outcome.outcome).toBe("accepted");
    const read = async (e: Engine) =>
      (
        await e.query(
          "SELECT note, source FROM observations WHERE indicator_id = ? AND period >= '2040' ORDER BY period",
          ["returnees-received"],
        )
      ).map((r) => [r.note, r.source]);
    expect(await read(engine)).toEqual(texts.map((t) => [t, t]));
    // The tables an injected statement would have dropped or emptied are all there.
    const [count] = await engine.query("SELECT count(*) AS n FROM base_observations");
    expect(Number(count?.n)).toBeGreaterThan(1000);
    // And the stored copy restores the same text in a new engine.
    const fresh = await startNodeEngine();
    try {
      await loadBase(fresh, nodeParquet, base);
      expect(await restoreSubmissions(fresh, store, nodeParquet)).toMatchObject({ failed: [] });
      expect(await read(fresh)).toEqual(texts.map((t) => [t, t]));
    } finally {
      await fresh.close();
    }
  });
});
