import type { Catalog } from "../catalog/schema";
import type { Engine } from "../db/engine";
import type { Finding } from "../intake/findings";
import { observationColumns } from "../observations/columns";
import { checkPlausibility } from "./check-plausibility";
import { acceptedRowsSql } from "./plausibility-table";
import { tableName } from "./rows-sql";

const incoming = "staged_plausibility_incoming";
const rowNumbers = "staged_plausibility_rows";
const history = "staged_plausibility_history";

/** The indicators a staged file holds, e.g. to load the accepted rows its rules compare with. */
export async function stagedIndicators(engine: Engine, staged: string): Promise<string[]> {
  const rows = await engine.query(
    `SELECT DISTINCT indicator_id FROM ${tableName(staged)} ORDER BY indicator_id`,
  );
  return rows.map((r) => String(r.indicator_id));
}

/**
 * Plausibility of a file the page has staged (`stage()` in submission-service.ts), against the
 * data in effect on the page's engine. The staged rows carry no spreadsheet row, so the worker
 * sends them apart, in the staged order (0 where unknown), and they are joined back by position.
 */
export async function checkStagedPlausibility(
  engine: Engine,
  staged: string,
  rows: ArrayLike<number>,
  catalog: Pick<Catalog, "indicators" | "rules">,
  file: string,
): Promise<Finding[]> {
  await engine.exec(`DROP TABLE IF EXISTS ${rowNumbers}`);
  try {
    // As they came (0 for unknown, read as NULL below): a million rows need no JavaScript array.
    await engine.insertColumns(rowNumbers, {
      row: { kind: "int32", values: Int32Array.from(rows) },
    });
    await engine.exec(
      `CREATE OR REPLACE VIEW ${incoming} AS SELECT ${observationColumns.map((c) => `s.${c}`).join(", ")}, nullif(r.row, 0) AS row FROM ${tableName(staged)} s POSITIONAL JOIN ${rowNumbers} r WHERE s.indicator_id IS NOT NULL`,
    );
    await engine.exec(`CREATE OR REPLACE VIEW ${history} AS ${acceptedRowsSql()}`);
    return await checkPlausibility(engine, { incoming, history }, catalog, file);
  } finally {
    await engine.exec(`DROP VIEW IF EXISTS ${history}`);
    await engine.exec(`DROP VIEW IF EXISTS ${incoming}`);
    await engine.exec(`DROP TABLE IF EXISTS ${rowNumbers}`);
  }
}
