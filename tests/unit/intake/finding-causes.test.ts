import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/lib/i18n/create-i18n";
import { findingAction, findingMessage } from "../../../src/lib/intake/describe-finding";
import { explainFindings } from "../../../src/lib/intake/finding-causes";
import type { Finding } from "../../../src/lib/intake/findings";
import { inspectFile } from "../../../src/lib/intake/inspect-file";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const es = createI18n("es").t;
const en = createI18n("en").t;
const encode = (text: string) => new TextEncoder().encode(text);

/** Six rows told apart only by a column the header does not name: «Nacionalidad». */
const sixRows = [
  "indicador;periodo;valor;Nacionalidad",
  "returnees-received;2026-Q1;120;Guatemala",
  "returnees-received;2026-Q1;80;El Salvador",
  "returnees-received;2026-Q1;9;Nicaragua",
  "returnees-received;2026-Q2;120;Guatemala",
  "returnees-received;2026-Q2;80;El Salvador",
  "returnees-received;2026-Q2;9;Nicaragua",
].join("\n");

describe("explainFindings: a finding caused by another says so, after its cause", () => {
  it("links duplicates made by an unread column to that column's warning, listed before them", async () => {
    const result = await inspectFile(catalog, "t.csv", encode(sixRows));
    const explained = explainFindings(result.findings, catalog.dimensions);
    const order = explained
      .filter((f) => f.code === "unknown_column" || f.code === "duplicate_key")
      .map((f) => [f.code, f.row]);
    expect(order).toEqual([
      ["unknown_column", 1],
      ["duplicate_key", 3],
      ["duplicate_key", 4],
      ["duplicate_key", 6],
      ["duplicate_key", 7],
    ]);
    // The warning is placed before the first error it explains, though errors come before warnings.
    expect(explained.findIndex((f) => f.code === "unknown_column")).toBe(0);
    const duplicate = explained.find((f) => f.code === "duplicate_key");
    expect(duplicate?.cause).toEqual({ code: "unknown_column", column: "Nacionalidad", row: 1 });
    // Severity and counts do not change.
    expect(explained.filter((f) => f.severity === "error")).toHaveLength(result.errors);
    expect(explained).toHaveLength(result.findings.length);
  });

  it("never tells the officer to delete rows that an unread column tells apart", async () => {
    const result = await inspectFile(catalog, "t.csv", encode(sixRows));
    const duplicate = explainFindings(result.findings).find((f) => f.code === "duplicate_key");
    if (!duplicate) throw new Error("no duplicate");
    for (const t of [es, en]) {
      const action = findingAction(duplicate, t);
      expect(action).toContain("Nacionalidad");
      expect(action).not.toMatch(/Elimine|Remove one/);
      expect(findingMessage(duplicate, t)).toContain("Nacionalidad");
    }
    expect(findingAction(duplicate, es)).toMatch(/^No borre filas/);
  });

  it("keeps the plain advice for a duplicate nothing explains", async () => {
    const result = await inspectFile(
      catalog,
      "t.csv",
      encode(
        "indicador;periodo;valor\nreturnees-received;2026-Q1;1\nreturnees-received;2026-Q1;2\n",
      ),
    );
    const duplicate = explainFindings(result.findings).find((f) => f.code === "duplicate_key");
    expect(duplicate?.cause).toBeUndefined();
    expect(findingAction(duplicate ?? ({} as Finding), es)).toMatch(/^Compare las dos filas/);
  });

  it("fits the advice on a refused number to the file's decimal separator", async () => {
    const result = await inspectFile(
      catalog,
      "t.csv",
      encode(
        "indicador;periodo;valor\nreturnees-received;2026-Q1;1,5\nreturnees-received;2026-Q2;mil\n",
      ),
    );
    const refused = explainFindings(result.findings).find((f) => f.code === "non_numeric_value");
    if (!refused) throw new Error("no refused number");
    const advice = findingAction(refused, es);
    expect(advice).toContain("«,» como separador decimal");
    expect(advice).not.toContain("punto decimal");
  });

  it("lists the Spanish labels beside the codes when a category is refused", async () => {
    const result = await inspectFile(
      catalog,
      "t.csv",
      encode("indicador;periodo;valor;sexo\nchildren-in-detention;2026-Q1;3;Otro\n"),
    );
    const refused = explainFindings(result.findings, catalog.dimensions).find(
      (f) => f.code === "code_not_allowed",
    );
    if (!refused) throw new Error("no refused code");
    expect(findingMessage(refused, es)).toBe(
      "Código no permitido para esta desagregación (se aceptan: female (Mujeres), male (Hombres)).",
    );
  });

  it("links a missing required column to the column that was not recognised", () => {
    const findings: Finding[] = [
      {
        severity: "error",
        code: "missing_column",
        file: "t.csv",
        row: 1,
        detail: { column: "period" },
      },
      {
        severity: "warning",
        code: "unknown_column",
        file: "t.csv",
        row: 1,
        column: "Trimestre de reporte",
      },
    ];
    const [first, second] = explainFindings(findings);
    expect(first?.code).toBe("unknown_column");
    expect(second?.cause?.column).toBe("Trimestre de reporte");
    expect(findingMessage(second ?? (findings[0] as Finding), es)).toContain("«Periodo (period)»");
    expect(findingAction(second ?? (findings[0] as Finding), es)).toContain(
      "«Trimestre de reporte»",
    );
  });

  it("names the unread column and the names a file could use, in Spanish", () => {
    const [warning] = explainFindings([
      {
        severity: "warning",
        code: "unknown_column",
        file: "t.csv",
        row: 1,
        column: "Nacionalidad",
      },
    ]);
    if (!warning) throw new Error("no warning");
    expect(findingMessage(warning, es)).toBe(
      "La columna «Nacionalidad» no se reconoce; se ignorará.",
    );
    expect(findingAction(warning, es)).toContain(
      "Indicador, Periodo, Valor, Sexo, Grupo de edad, Grupo de población",
    );
  });
});
