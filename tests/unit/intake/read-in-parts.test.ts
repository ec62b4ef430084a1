import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateObservationsCsv } from "../../../scripts/lib/generate-observations";
import { lastRecordEnd, lastRecordEndInBytes } from "../../../src/lib/intake/csv-parts";
import { type IntakeOptions, inspectFile } from "../../../src/lib/intake/inspect-file";
import type { Delimiter } from "../../../src/lib/intake/read-csv";
import { readCsvInParts } from "../../../src/lib/intake/read-csv-in-parts";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 for the Latin-1 range the tests use (ñ, á, é …). */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** The whole-file reading and the reading in parts of `partBytes` give the very same result. */
async function expectSameInParts(
  name: string,
  bytes: Uint8Array,
  partBytes: number,
  options: IntakeOptions = {},
) {
  const whole = await inspectFile(catalog, name, bytes, options);
  const inParts = await inspectFile(catalog, name, bytes, { ...options, partBytes });
  expect(inParts).toEqual(whole);
  return { whole, read: readCsvInParts(catalog, name, bytes, [], { ...options, partBytes }) };
}

const header = "indicator_id,period,value,sex,note";
const rows = (n: number, from = 2000) =>
  Array.from(
    { length: n },
    (_, i) =>
      `returnees-received,${from + Math.floor(i / 2)}-Q${(i % 4) + 1},${1000 + i},${i % 2 ? "female" : "male"},"nota ${i}, con coma"`,
  );

describe("reading a large CSV in parts gives what reading it whole gives", () => {
  it("a clean long file cut into many parts, records never split", async () => {
    const text = `${header}\n${rows(400).join("\n")}\n`;
    const { whole, read } = await expectSameInParts("q.csv", utf8(text), 257);
    expect(read?.kind).toBe("validated");
    expect(whole.observations.length).toBeGreaterThan(100);
  });

  it("titles above, notes below, blank lines, CRLF, quoted newlines and delimiters across parts", async () => {
    const body = rows(300).map((r, i) =>
      i % 7 === 0 ? r.replace(/"nota (\d+), con coma"/, '"línea\r\ndos ""citada"" $1"') : r,
    );
    const text = [
      "Retornados por trimestre",
      "Fuente: INM",
      "",
      header,
      ...body.slice(0, 150),
      "",
      ...body.slice(150),
      "Nota: cifras preliminares",
      "Elaborado por la unidad de estadística",
      "",
    ].join("\r\n");
    const { whole, read } = await expectSameInParts("titulos.csv", utf8(text), 199);
    expect(read?.kind).toBe("validated");
    const codes = whole.findings.map((f) => f.code);
    expect(codes).toContain("skipped_title_rows");
    expect(codes).toContain("skipped_note_rows");
  });

  it("Spanish-locale Excel: semicolons, decimal commas, Windows-1252", async () => {
    const text = [
      "indicator_id;period;value;sex;note",
      ...Array.from(
        { length: 200 },
        (_, i) =>
          `remittance-cost-usd200;${2010 + Math.floor(i / 4)}-Q${(i % 4) + 1};4,${i};;año ${i} señal`,
      ),
      "",
    ].join("\n");
    const { whole, read } = await expectSameInParts("es.csv", latin1(text), 311);
    expect(read?.kind).toBe("validated");
    expect(whole.findings.find((f) => f.code === "decoded_as")?.detail).toEqual({
      encoding: "windows-1252",
      delimiter: ";",
    });
  });

  it("errors and duplicates found across parts name the same rows", async () => {
    const body = rows(200);
    body[150] = body[10] ?? "";
    body[120] = "no-such-indicator,2020-Q1,5,,";
    body[180] = "returnees-received,2020-Q9,abc,,";
    const { whole, read } = await expectSameInParts(
      "errores.csv",
      utf8(`${header}\n${body.join("\n")}`),
      233,
    );
    expect(read?.kind).toBe("validated");
    expect(whole.errors).toBeGreaterThanOrEqual(3);
  });

  it("a hidden character or an over-long cell far into the file", async () => {
    const body = rows(200);
    body[170] = body[170]?.replace("nota", "no\u202eta") ?? "";
    const hidden = await expectSameInParts(
      "oculto.csv",
      utf8(`${header}\n${body.join("\n")}`),
      211,
    );
    expect(hidden.whole.findings.some((f) => f.code === "control_character")).toBe(true);
    body[190] = `returnees-received,2020-Q1,1,,"${"x".repeat(40_000)}"`;
    const long = await expectSameInParts(
      "largo.csv",
      utf8(`${header}\n${body.join("\n")}`),
      16_384,
    );
    expect(long.read?.kind).toBe("stopped");
  });

  it("wide files, byte order marks, UTF-16, and hand-mapped columns", async () => {
    const wide = [
      "indicator_id,sex,2020-Q1,2020-Q2,2020-Q3,2020-Q4",
      ...Array.from(
        { length: 60 },
        (_, i) => `returnees-received,${i % 2 ? "female" : "male"},${i},${i + 1},${i + 2},${i + 3}`,
      ),
    ].join("\n");
    expect((await expectSameInParts("ancho.csv", utf8(wide), 97)).read?.kind).toBe("validated");
    const text = `${header}\n${rows(120).join("\n")}\n`;
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect((await expectSameInParts("bom.csv", bom, 101)).read?.kind).toBe("validated");
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i);
    expect((await expectSameInParts("utf16.csv", utf16, 103)).read?.kind).toBe("validated");
    const unnamed = `indicador,periodo,cifra\n${rows(80)
      .map((r) => r.split(",").slice(0, 3).join(","))
      .join("\n")}`;
    await expectSameInParts("mapeado.csv", utf8(unnamed), 89, {
      mapping: { 0: "indicator_id", 1: "period", 2: "value" },
    });
  });

  it("falls back to reading whole, with the same result, where parts would differ", async () => {
    const body = rows(100);
    body[80] = 'returnees-received,2020-Q1,1,,"never closed';
    const quote = await expectSameInParts(
      "comilla.csv",
      utf8(`${header}\n${body.join("\n")}`),
      151,
    );
    expect(quote.read).toBeNull();
    const titles = Array.from({ length: 40 }, (_, i) => `Título ${i}`);
    const late = await expectSameInParts(
      "tarde.csv",
      utf8([...titles, header, ...rows(50)].join("\n")),
      64,
    );
    expect(late.read).toBeNull();
    const mixed = new Uint8Array([
      ...utf8(`${header}\nreturnees-received,2020-Q1,1,,ñ\n`),
      ...latin1("returnees-received,2020-Q2,1,,ñ\n"),
    ]);
    expect((await expectSameInParts("mezcla.csv", mixed, 16)).read).toBeNull();
  });

  it("the project's fixtures and real public CSV files, in small parts", async () => {
    const dirs = ["tests/fixtures", "tests/fixtures/intake", "tests/fixtures/real"];
    const files = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => /\.(csv|tsv)$/.test(f))
        .map((f) => join(d, f)),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const path of files)
      await expectSameInParts(path, new Uint8Array(readFileSync(path)), 1000);
  });

  it("accented UTF-8 in parts of 29 bytes, characters split between parts", async () => {
    const text = `${header}\n${rows(40)
      .map((r) => r.replace("con coma", "niñas, “año” señal"))
      .join("\n")}\n`;
    const { read } = await expectSameInParts("acentos.csv", utf8(text), 29);
    expect(read?.kind).toBe("validated");
  });

  it("a byte order mark inside the file, also where a part starts", async () => {
    const lines = rows(60);
    lines[30] = `\uFEFF${lines[30]}`;
    const text = `${header}\n${lines.join("\n")}\n`;
    // Parts of 90 to 149 bytes: in some of them a part starts just at the mark.
    for (let partBytes = 90; partBytes < 150; partBytes++)
      await expectSameInParts("bom.csv", utf8(text), partBytes);
  });

  it("a generated quarter of 20,000 rows in 64 KB parts", async () => {
    const bytes = utf8(generateObservationsCsv(20_000, 7));
    const { read } = await expectSameInParts("gen.csv", bytes, 64 << 10);
    expect(read?.kind).toBe("validated");
  });
});

describe("lastRecordEnd", () => {
  it("cuts after the last line feed outside quotes", () => {
    expect(lastRecordEnd('a,b\nc,"d\ne"\nf,"g\n', ",")).toBe(12);
    expect(lastRecordEnd('a,"b\n', ",")).toBe(-1);
    expect(lastRecordEnd('a,b"c\nd', ",")).toBe(6);
    expect(lastRecordEnd('a;"x;""\n"";y"\nz', ";")).toBe(14);
  });
});

describe("lastRecordEndInBytes", () => {
  const cases: [string, Delimiter][] = [
    ['a,b\nc,"d\ne"\nf,"g\n', ","],
    ['a,"b\n', ","],
    ['a,b"c\nd', ","],
    ['a;"x;""\n"";y"\nz', ";"],
    ["sin salto", ","],
  ];
  /** Texts of quotes, delimiters, line feeds and accents, the same for every run of the test. */
  const generated = Array.from({ length: 500 }, (_, n) => {
    let seed = n + 1;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    return Array.from(
      { length: 1 + (next() % 40) },
      () => ['"', ",", "\n", "a", "ñ", "“"][next() % 6],
    ).join("");
  });

  it("cuts the bytes where lastRecordEnd cuts the text", () => {
    for (const [text, delimiter] of [
      ...cases,
      ...generated.map((t): [string, Delimiter] => [t, ","]),
    ]) {
      const bytes = utf8(text);
      const inText = lastRecordEnd(text, delimiter);
      const inBytes = lastRecordEndInBytes(bytes, delimiter.charCodeAt(0));
      expect(inBytes < 0, text).toBe(inText < 0);
      if (inText >= 0)
        expect(new TextDecoder().decode(bytes.subarray(0, inBytes)), text).toBe(
          text.slice(0, inText),
        );
    }
  });
});
