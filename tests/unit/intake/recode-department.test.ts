import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/lib/i18n/create-i18n";
import { describeFinding, describeFix } from "../../../src/lib/intake/describe-finding";
import { readCsv, readCsvGrid } from "../../../src/lib/intake/read-csv";
import {
  createDepartmentRecoder,
  ochaDepartmentPcodes,
} from "../../../src/lib/intake/recode-department";
import { validateObservations } from "../../../src/lib/intake/validate-observations";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const departments = catalog.dimensions.find((d) => d.id === "department");
if (!departments) throw new Error("the catalog has no department dimension");
const recode = createDepartmentRecoder(departments);

/** The code the catalog's department dimension gives a Spanish name, written here as it does. */
const codeOfCatalogName = (name: string) =>
  departments.codes.find((c) => c.label.es === name)?.code;

/** What each department is called in the catalog, written out by hand (ISO 3166-2:HN). */
const expected: Record<string, string> = {
  "HN-AT": "Atlántida",
  "HN-CH": "Choluteca",
  "HN-CL": "Colón",
  "HN-CM": "Comayagua",
  "HN-CP": "Copán",
  "HN-CR": "Cortés",
  "HN-EP": "El Paraíso",
  "HN-FM": "Francisco Morazán",
  "HN-GD": "Gracias a Dios",
  "HN-IN": "Intibucá",
  "HN-IB": "Islas de la Bahía",
  "HN-LP": "La Paz",
  "HN-LE": "Lempira",
  "HN-OC": "Ocotepeque",
  "HN-OL": "Olancho",
  "HN-SB": "Santa Bárbara",
  "HN-VA": "Valle",
  "HN-YO": "Yoro",
};

describe("the department dimension these tests rely on", () => {
  it("has exactly the 18 ISO 3166-2:HN codes with the Spanish names written above", () => {
    expect(Object.fromEntries(departments.codes.map((c) => [c.code, c.label.es]))).toEqual(
      expected,
    );
  });
});

describe("recognising a department however a file writes it", () => {
  it("reads every spelling of BCH's remittance table (data/raw), accents and all", () => {
    const { grid } = readCsvGrid(
      readFileSync("data/raw/bch_remesas_por_departamento_2017-2025_Departamento.csv", "utf8"),
    );
    const header = grid.findIndex((r) => r.cells.includes("Departamento"));
    const column = grid[header]?.cells.indexOf("Departamento") ?? -1;
    const spellings = new Set(
      grid
        .slice(header + 1)
        .map((r) => r.cells[column]?.trim() ?? "")
        .filter((c) => c !== ""),
    );
    expect(spellings.size).toBe(18);
    for (const spelling of spellings) {
      // BCH writes the catalog's own names: the expected code is the one the catalog gives it.
      const code = codeOfCatalogName(spelling.normalize("NFC"));
      expect(code, spelling).toBeDefined();
      expect(recode(spelling), spelling).toBe(code);
    }
  });

  it("reads OCHA's names (no accents, 'Islas de La Bahia') and P-codes, each pair to one code", () => {
    const table = readCsv(readFileSync("data/raw/ocha-codps_hnd_admpop_adm2_2024.csv", "utf8"));
    const name = table.header.indexOf("ADM1_ES");
    const pcode = table.header.indexOf("ADM1_PCODE");
    const pairs = new Map(table.records.map((r) => [r.cells[pcode] ?? "", r.cells[name] ?? ""]));
    expect(pairs.size).toBe(18);
    for (const [p, n] of pairs) {
      expect(recode(n), `${p} ${n}`).not.toBeNull();
      expect(recode(p), `${p} ${n}`).toBe(recode(n));
      // The hand-kept P-code table holds exactly the pairs the OCHA file states.
      expect(ochaDepartmentPcodes[p], p).toBe(recode(n));
    }
    expect(Object.keys(ochaDepartmentPcodes).sort()).toEqual([...pairs.keys()].sort());
    // P-codes do not follow the ISO codes' order: checked by hand against the file.
    expect([recode("HN02"), recode("HN06"), recode("HN11"), recode("HN16")]).toEqual([
      "HN-CL",
      "HN-CH",
      "HN-IB",
      "HN-SB",
    ]);
    expect([pairs.get("HN02"), pairs.get("HN06"), pairs.get("HN11")]).toEqual([
      "Colon",
      "Choluteca",
      "Islas de La Bahia",
    ]);
  });

  it("reads Natural Earth's names, with accents and cleaned of them", () => {
    const map = JSON.parse(
      readFileSync("data/raw/naturalearth_hnd_adm1_departments_derived.geojson", "utf8"),
    ) as { features: { properties: { name: string; Dept_clean: string } }[] };
    expect(map.features).toHaveLength(18);
    for (const { properties } of map.features) {
      const code = codeOfCatalogName(properties.name.normalize("NFC"));
      expect(code, properties.name).toBeDefined();
      expect(recode(properties.name), properties.name).toBe(code);
      expect(recode(properties.Dept_clean), properties.Dept_clean).toBe(code);
    }
  });

  it.each([
    ["Atlantida", "HN-AT"],
    ["ATLÁNTIDA", "HN-AT"],
    ["  atlántida  ", "HN-AT"],
    ["Francisco  Morazan", "HN-FM"],
    ["FRANCISCO MORAZÁN", "HN-FM"],
    ["francisco\u00a0morazán", "HN-FM"],
    ["Islas de la Bahia", "HN-IB"],
    ["ISLAS DE LA BAHÍA", "HN-IB"],
    ["Bay Islands", "HN-IB"],
    ["Santa Barbara", "HN-SB"],
    ["Depto. de Cortés", "HN-CR"],
    ["Depto. Cortés", "HN-CR"],
    ["Dpto. de Olancho", "HN-OL"],
    ["Departamento de La Paz", "HN-LP"],
    ["DEPARTAMENTO DE INTIBUCA", "HN-IN"],
    ["Yoro Department", "HN-YO"],
    ["Department of Valle", "HN-VA"],
    ["HN-AT", "HN-AT"],
    ["hn-gd", "HN-GD"],
    ["HN_LE", "HN-LE"],
    ["HN01", "HN-AT"],
    ["hn 08", "HN-FM"],
    ["HN-05", "HN-CR"],
    ["HN18", "HN-YO"],
  ])("reads %o as %s", (text, code) => {
    expect(departments.codes.map((c) => c.code)).toContain(code);
    expect(recode(text)).toBe(code);
  });

  it.each([
    "Tegucigalpa",
    "San Pedro Sula",
    "Honduras",
    "Departamento",
    "Depto.",
    "",
    "HN19",
    "HN00",
    "HN-ZZ",
    "HN1",
    "01",
    "5",
    // Near misses are refused, never guessed: a person must say which department it is.
    "Atlantid",
    "Cortez",
    "Santa Barbra",
    "Francisco Morazan Norte",
    "Islas Bahía",
    "La Pas",
  ])("refuses %o", (text) => {
    expect(recode(text)).toBeNull();
  });
});

describe("departments at intake", () => {
  const file = "retornados.csv";
  const { findings, observations, fixes } = validateObservations(
    catalog,
    readCsv(
      [
        "indicador,periodo,valor,departamento",
        "returnees-received,2025-Q1,120,Atlantida",
        "returnees-received,2025-Q1,80,HN08",
        "returnees-received,2025-Q1,30,Depto. de Cortés",
        "returnees-received,2025-Q1,9,Tegucigalpa",
        "returnees-received,2025-Q1,4,Atlantid",
        "returnees-received,2025-Q2,7,Atlantida",
      ].join("\n"),
    ),
    file,
  );

  it("recodes a recognised spelling to its code and lists the change as a fix", () => {
    expect(observations.map((o) => [o.row, o.dimensions.department])).toEqual([
      [2, "HN-AT"],
      [3, "HN-FM"],
      [4, "HN-CR"],
      [7, "HN-AT"],
    ]);
    expect(fixes.map((f) => [f.kind, f.column, f.from, f.to, f.count, f.firstRow])).toEqual([
      ["recoded", "departamento", "Atlantida", "HN-AT", 2, 2],
      ["recoded", "departamento", "HN08", "HN-FM", 1, 3],
      ["recoded", "departamento", "Depto. de Cortés", "HN-CR", 1, 4],
    ]);
    const es = createI18n("es");
    expect(describeFix(fixes[0] ?? fail(), es.t)).toBe(
      "Categoría recodificada en «departamento»: «Atlantida» → «HN-AT» (2 filas; primera: fila 2).",
    );
  });

  it("refuses an unknown department, naming file, row and column, in Spanish and English", () => {
    expect(findings.map((f) => [f.severity, f.code, f.row, f.column, f.value])).toEqual([
      ["error", "unknown_department", 5, "departamento", "Tegucigalpa"],
      ["error", "unknown_department", 6, "departamento", "Atlantid"],
    ]);
    const first = findings[0] ?? fail();
    expect(describeFinding(first, createI18n("es").t)).toMatch(
      /^Error · retornados\.csv, fila 5, columna «departamento» \(valor «Tegucigalpa»\): Departamento no reconocido\. .*HN-AT.*HN01/,
    );
    expect(describeFinding(first, createI18n("en").t)).toMatch(
      /^Error · retornados\.csv, row 5, column “departamento” \(value “Tegucigalpa”\): Department not recognised\. .*HN-AT.*HN01/,
    );
  });

  it("still refuses a department breakdown where the indicator takes none", () => {
    const result = validateObservations(
      catalog,
      readCsv("indicator_id,period,value,department\nchildren-in-detention,2025-Q1,3,Atlántida"),
      file,
    );
    expect(result.findings.map((f) => [f.code, f.row, f.column])).toEqual([
      ["disaggregation_not_allowed", 2, "department"],
    ]);
  });
});

function fail(): never {
  throw new Error("expected a value");
}
