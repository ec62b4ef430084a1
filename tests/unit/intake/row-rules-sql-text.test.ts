import { describe, expect, it } from "vitest";
import { cellsSql } from "../../../src/lib/intake/sql/cells-sql";
import { duplicateKeySelect, ruleSelects } from "../../../src/lib/intake/sql/findings-sql";
import { historyViewSql } from "../../../src/lib/intake/sql/history-sql";
import { sqlName, sqlText } from "../../../src/lib/intake/sql/sql-literal";
import type { StagedColumn } from "../../../src/lib/intake/sql/staged-columns";

const columns: StagedColumn[] = [
  { column: "indicator_id", label: "indicador", from: "constant" },
  { column: "period", label: "periodo", from: "file" },
  { column: "value", label: "valor", from: "file" },
  { column: "sex", label: "sexo", from: "file" },
  { column: "unit", label: "unit", from: "absent" },
];

describe("SQL of the row rules, by its text", () => {
  it("reads a file column trimmed, a constant as given and an absent column as empty", () => {
    const sql = cellsSql(columns);
    expect(sql).toContain(
      `coalesce("c_indicator_id", '') AS "raw_indicator_id", coalesce("c_indicator_id", '') AS "indicator_id"`,
    );
    expect(sql).toMatch(
      /coalesce\("c_period", ''\) AS "raw_period", regexp_replace\(coalesce\("c_period", ''\)/,
    );
    expect(sql).toContain(`'' AS "raw_unit", '' AS "unit"`);
    expect(sql).not.toContain("c_unit");
  });

  it("checks only the breakdowns the file has, and names cells by their header", () => {
    const sql = ruleSelects(columns).join("\n");
    expect(sql).toContain(`'sexo' AS "column"`);
    expect(sql).toContain("'periodo' AS \"column\"");
    expect(sql).not.toContain("code_department\" <> ''");
    expect(sql).toContain("code_sex");
  });

  it("compares full keys only within hashes seen more than once", () => {
    const sql = duplicateKeySelect();
    expect(sql).toMatch(/GROUP BY h HAVING count\(\*\) > 1/);
    expect(sql).toContain('min("row") OVER (PARTITION BY indicator_id');
    expect(sql).toContain('WHERE "row" > first_row');
  });

  it("gives the history in the observation columns plus an empty row, for the file's indicators", () => {
    const sql = historyViewSql("accepted");
    expect(sql).toMatch(
      /^CREATE OR REPLACE VIEW intake_history AS SELECT "indicator_id", "period", "value", "sex",/,
    );
    expect(sql).toContain(`"note", CAST(NULL AS INTEGER) AS "row" FROM "accepted"`);
    expect(sql).toContain("SELECT DISTINCT indicator_id FROM intake_observations");
  });

  it("escapes quotes in literals and names", () => {
    expect(sqlText("it's")).toBe("'it''s'");
    expect(sqlName('a"b')).toBe('"a""b"');
  });
});
