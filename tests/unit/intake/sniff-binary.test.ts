import { gzipSync, zipSync } from "fflate";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import en from "../../../src/lib/i18n/locales/en.json";
import es from "../../../src/lib/i18n/locales/es.json";
import { describeFinding } from "../../../src/lib/intake/describe-finding";
import { unsupportedKind } from "../../../src/lib/intake/file-kind";
import { sniffBinary } from "../../../src/lib/intake/sniff-binary";
import { buildXlsx } from "../../helpers/build-xlsx";

const bytesOf = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === "string" ? Array.from(p, (c) => c.charCodeAt(0)) : p)),
  );
const text = (s: string) => new TextEncoder().encode(s);

describe("naming binary files by their first bytes", () => {
  it("names archives, documents, images and databases", () => {
    const cases: [Uint8Array, string][] = [
      [bytesOf("BZh91AY&SY", [0, 1, 2]), "bzip2"],
      [bytesOf([0x1f, 0x8b, 8, 0]), "gzip"],
      [bytesOf([0xfd], "7zXZ", [0]), "xz"],
      [bytesOf("7z", [0xbc, 0xaf, 0x27, 0x1c]), "7z"],
      [bytesOf("Rar!", [0x1a, 0x07, 0x01, 0]), "rar"],
      [bytesOf("%PDF-1.7\n"), "pdf"],
      [bytesOf([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a]), "png"],
      [bytesOf([0xff, 0xd8, 0xff, 0xe0]), "jpeg"],
      [bytesOf("GIF89a"), "gif"],
      [bytesOf([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "xls"],
      [bytesOf("SQLite format 3", [0]), "sqlite"],
      [bytesOf("RDX3\nX\n"), "rdata"],
      [bytesOf("PAR1"), "parquet"],
    ];
    for (const [bytes, kind] of cases) expect(sniffBinary(bytes), kind).toBe(kind);
  });

  it("looks inside gzip for R's save format", () => {
    expect(sniffBinary(gzipSync(text("RDX3\nX\n\u0000\u0000\u0000\u0003")))).toBe("gzip-rdata");
    expect(sniffBinary(gzipSync(text("indicator_id,period,value\n")))).toBe("gzip");
  });

  it("tells a workbook from other zip archives by their entries", () => {
    expect(sniffBinary(buildXlsx({ sheets: [{ name: "A", rows: "" }] }))).toBe("xlsx");
    expect(sniffBinary(zipSync({ "datos.csv": text("a,b\n1,2\n") }))).toBe("zip");
    expect(
      sniffBinary(
        zipSync({
          mimetype: text("application/vnd.oasis.opendocument.spreadsheet"),
          "content.xml": text("<x/>"),
        }),
      ),
    ).toBe("ods");
  });

  it("leaves text, and zip archives too broken to list, to the readers", () => {
    expect(sniffBinary(text("indicator_id;period;value\n"))).toBeNull();
    expect(sniffBinary(text("BZh no es bzip2"))).toBeNull();
    expect(sniffBinary(new Uint8Array([0xef, 0xbb, 0xbf]))).toBeNull();
    expect(sniffBinary(bytesOf("PK", [3, 4], "garbage"))).toBe("xlsx");
  });

  it("refuses only what the intake does not read", () => {
    expect(unsupportedKind(bytesOf("BZh91AY&SY"))).toBe("bzip2");
    expect(unsupportedKind(bytesOf("PAR1"))).toBeNull();
    expect(unsupportedKind(buildXlsx({ sheets: [{ name: "A", rows: "" }] }))).toBeNull();
    expect(unsupportedKind(zipSync({ "datos.csv": text("a,b\n") }))).toBe("ZIP");
  });

  it("says what the file is in Spanish and English", async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: "es", resources: { es: { translation: es }, en: { translation: en } } });
    const finding = {
      severity: "error",
      code: "unsupported_file",
      file: "poblacion.rda",
      detail: { kind: "bzip2" },
    } as const;
    expect(describeFinding(finding, i18n.getFixedT("es"))).toContain(
      "El archivo es un archivo comprimido bzip2 (posiblemente datos de R), no una hoja de cálculo: exporte los datos a CSV o XLSX.",
    );
    expect(describeFinding(finding, i18n.getFixedT("en"))).toContain(
      "The file is a bzip2-compressed file (possibly R data), not a spreadsheet: export the data to CSV or XLSX.",
    );
  });
});
