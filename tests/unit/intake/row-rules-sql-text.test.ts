import { describe, expect, it } from "vitest";
import { checkedSql, intakeRowsSql, verdictSql } from "../../../src/lib/intake/sql/checked-sql";
import { duplicatesSql, flaggedSql, ruleSelects } from "../../../src/lib/intake/sql/findings-sql";
import { fixesSql } from "../../../src/lib/intake/sql/fixes-sql";
import { historyViewSql } from "../../../src/lib/intake/sql/history-sql";
import { observationsSql } from "../../../src/lib/intake/sql/observations-sql";
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
  it("stages only the file's columns; a constant or absent column is id 0 on every row", () => {
    const sql = intakeRowsSql(columns);
    expect(sql).toBe(
      `CREATE OR REPLACE VIEW intake_rows AS SELECT *, 0 AS "c_indicator_id", 0 AS "c_unit" FROM intake_file_rows`,
    );
  });

  it("joins the rows to their readings on integer ids, each breakdown to its verdict", () => {
    const sql = checkedSql(["sex"]);
    expect(sql).toContain('JOIN intake_indicator_ids i ON i.id = r."c_indicator_id"');
    expect(sql).toContain('JOIN intake_value_ids v ON v.id = r."c_value"');
    expect(sql).toContain(
      `LEFT JOIN "intake_verdict_sex" v_sex ON v_sex.indicator_ref = r."c_indicator_id" AND v_sex.code_ref = r."c_sex"`,
    );
    expect(sql).not.toContain("code_department");
    expect(sql).toMatch(/AS has_error, \(.* OR value_kind = 'missing'\) AS flagged/s);
  });

  it("judges each pair of indicator and breakdown once, a department also against the catalog", () => {
    expect(verdictSql("sex")).toContain(
      `SELECT DISTINCT r."c_indicator_id" AS indicator_ref, r."c_sex" AS code_ref FROM intake_rows r`,
    );
    expect(verdictSql("sex")).not.toContain("known_department");
    expect(verdictSql("department")).toContain("OR k.known_department = 0 THEN 0");
  });

  it("checks only the breakdowns the file has, over the flagged rows, naming cells by their header", () => {
    const sql = ruleSelects(columns).join("\n");
    expect(sql).toContain(`'sexo' AS "column"`);
    expect(sql).toContain(`'periodo' AS "column", "period_text" AS value`);
    expect(sql).not.toContain("unknown_department");
    expect(sql).toContain(`"verdict_sex" = 2`);
    expect(sql).not.toMatch(/FROM intake_checked/);
    expect(flaggedSql(["sex"])).toContain("FROM (SELECT * FROM intake_checked WHERE flagged) c");
  });

  it("compares full keys only within hashes seen more than once", () => {
    const sql = duplicatesSql(["sex"]);
    expect(sql).toContain(`hash(indicator_key, period_key, "key_sex") AS h`);
    expect(sql).toMatch(/GROUP BY h HAVING count\(\*\) > 1/);
    expect(sql).toContain(`WHERE c."row" > firsts.first_row`);
  });

  it("keeps rows without an error, with no join for a column the file lacks", () => {
    const sql = observationsSql(columns);
    expect(sql).toContain(`nullif(c."code_sex", '') AS "sex"`);
    expect(sql).toContain(`CAST(NULL AS VARCHAR) AS "department"`);
    expect(sql).toContain("CAST(NULL AS VARCHAR) AS unit");
    expect(sql).toContain("'normal' AS obs_status");
    expect(sql).not.toContain("intake_status_ids");
    expect(sql).toContain(`WHERE c.period_ok AND NOT c.has_error AND c."row" NOT IN`);
  });

  it("logs trims only for the file's columns, and the status, source and note only of passing rows", () => {
    const sql = fixesSql(columns, ["sex"]);
    expect(sql).toContain(`'trimmed' AS kind, 'periodo' AS "column"`);
    expect(sql).not.toContain(`'trimmed' AS kind, 'indicador'`);
    expect(sql).toContain(`'recoded' AS kind, 'sexo'`);
    const withNote = fixesSql([...columns, { column: "note", label: "nota", from: "file" }], []);
    expect(withNote).toMatch(/'nota' AS "column".*SEMI JOIN intake_observations/s);
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
