import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type IntakeOptions, inspectFile } from "../../src/lib/intake/inspect-file";
import { projectCatalog } from "../helpers/catalog";

const catalog = projectCatalog();
const paths = {
  wb: "data/raw/wb-rpw_corridors_2011Q1-2020Q3_36d1ed87_Data.csv",
  bch: "tests/fixtures/real/bch_remesas_por_departamento_2017-2025_Departamento.csv",
  idmc: "tests/fixtures/real/idmc_gidd_disasters_2008-2022_IDMC_GIDD_Disasters_Internal_Displacement_Data.xlsx",
  mmpOld:
    "tests/fixtures/real/iom-mmp_global_2014-2020_MissingMigrants-Global-2020-01-08T14-05-32.csv",
  mmpNew:
    "tests/fixtures/real/iom-mmp_global_2026ytd_MissingMigrants-Global-2026-05-06--19_42_11.csv",
  ons: "tests/fixtures/real/ons-uk_opensdg_indicator_16-2-2.csv",
};
const sha = (path: string) =>
  createHash("sha256").update(readFileSync(path)).digest("hex").slice(0, 16);
const inspect = (path: string, options: IntakeOptions = {}) =>
  inspectFile(catalog, path.split("/").at(-1) ?? path, new Uint8Array(readFileSync(path)), options);
const missingColumns = (r: Awaited<ReturnType<typeof inspect>>) =>
  r.findings.filter((f) => f.code === "missing_column").map((f) => f.detail?.column);
const detail = (r: Awaited<ReturnType<typeof inspect>>, code: string) =>
  r.findings.find((f) => f.code === code)?.detail;

describe("the real public files: each loads or is refused with the right message, unchanged", () => {
  const before = Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, sha(p)]));

  it("World Bank corridors (wide, BOM, `..`, footer): reshaped; refused until an indicator is chosen, then for corridors outside the catalog", async () => {
    const plain = await inspect(paths.wb);
    expect(detail(plain, "reshaped_wide")).toEqual({ columns: 35 });
    expect(detail(plain, "decoded_as")).toEqual({ encoding: "utf-8-bom", delimiter: "," });
    expect(detail(plain, "skipped_note_rows")).toMatchObject({ count: 2 });
    expect(missingColumns(plain)).toEqual(["indicator_id"]);
    const mapped = await inspect(paths.wb, {
      constants: { indicator_id: "remittance-cost-usd200" },
      mapping: { 1: "geography" },
    });
    const notAllowed = mapped.findings.filter((f) => f.code === "code_not_allowed");
    expect(notAllowed.length).toBeGreaterThan(1000);
    expect(notAllowed[0]).toMatchObject({
      column: "Sending Countries Code",
      detail: { allowed: "USA, ESP" },
    });
    expect(mapped.findings.filter((f) => f.code === "below_minimum").map((f) => f.value)).toContain(
      "-4.5462498664856",
    );
  });

  it("BCH remittances by department (title rows, Spanish notes, `Año`): title and notes skipped, refused without indicator and value", async () => {
    const r = await inspect(paths.bch);
    expect(r.headerRow).toBe(10);
    expect(detail(r, "skipped_title_rows")).toEqual({ rows: "1, 5, 6, 7, 8" });
    expect(detail(r, "skipped_note_rows")).toMatchObject({ count: 12 });
    expect(r.header).toContain("Beneficiario");
    expect(missingColumns(r)).toEqual(["indicator_id", "value"]);
  });

  it("IDMC disasters (XLSX with a README sheet): the data sheet is read, refused without indicator and value", async () => {
    const r = await inspect(paths.idmc);
    expect(r.format).toBe("xlsx");
    expect(r.sheets).toEqual(["1_Disaster_Displacement_data", "README"]);
    expect(r.sheet).toBe("1_Disaster_Displacement_data");
    expect(missingColumns(r)).toEqual(["indicator_id", "value"]);
  });

  it("IOM Missing Migrants, both schemas (CRLF, quoted fields, `1,022`): refused, naming the missing columns", async () => {
    expect(missingColumns(await inspect(paths.mmpOld))).toEqual([
      "indicator_id",
      "period",
      "value",
    ]);
    expect(missingColumns(await inspect(paths.mmpNew))).toEqual(["indicator_id", "value"]);
  });

  it("UK Open SDG 16.2.2 (tidy, blank = total): maps Year, Sex, Age, Value; annual periods refused for a quarterly indicator", async () => {
    const plain = await inspect(paths.ons);
    expect(missingColumns(plain)).toEqual(["indicator_id"]);
    const chosen = await inspect(paths.ons, {
      constants: { indicator_id: "trafficking-victims-identified" },
    });
    expect(chosen.findings.find((f) => f.code === "wrong_periodicity")).toMatchObject({
      row: 2,
      column: "Year",
      value: "2009",
    });
    expect(
      chosen.fixes.some((f) => f.kind === "recoded" && f.from === "Female" && f.to === "female"),
    ).toBe(true);
  });

  it("leaves every file byte for byte as it was", () => {
    const after = Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, sha(p)]));
    expect(after).toEqual(before);
    expect(before).toMatchObject({
      bch: "9d3d1655588b3d76",
      idmc: "8445d02b6115333a",
      ons: "a232515c613f64d1",
    });
  });
});
