import type { Catalog } from "../catalog/schema";
import type { Engine } from "../db/engine";
import type { Finding } from "../intake/findings";
import type { SqlQuery } from "../observations/series-sql";
import { buildPeriodChangeSql, periodChangeFindings } from "./period-change";
import { preparedSeries, withPreparedSeries } from "./prepared-series";
import { mergedRowsSql, type PlausibilityTables } from "./rows-sql";
import { parsedRules, ruleComparisons } from "./rule-comparisons";
import { ruleFinding } from "./rule-findings";
import { indicatorsRulesRead } from "./rule-indicators";
import { buildRuleSql } from "./rule-sql";
import { buildSeasonalOutlierSql, seasonalOutlierFindings } from "./seasonal-outlier";
import {
  additiveIndicators,
  buildSubgroupExceedsTotalSql,
  overlappingBreakdowns,
  subgroupExceedsTotalFindings,
} from "./subgroup-exceeds-total";
import { buildUnusualJumpSql, unusualJumpFindings } from "./unusual-jump";

export type { PlausibilityTables };

const ruleRowsTable = "plausibility_rule_rows";

/**
 * Every plausibility warning for a file being checked, over its rows (`tables.incoming`) and the
 * data accepted earlier (`tables.history`), both with the observation columns and `row`:
 * subgroups above their total, year-on-year jumps,
 * values far from their season's history, unusual changes against the period before, and the
 * catalog's rules across indicators, over the file's rows and the accepted ones they would join.
 */
export async function checkPlausibility(
  engine: Engine,
  tables: PlausibilityTables,
  catalog: Pick<Catalog, "indicators" | "rules">,
  file: string,
): Promise<Finding[]> {
  const run = (query: SqlQuery) => engine.query(query.sql, query.params);
  return withPreparedSeries(engine, tables, async () => {
    const subgroups = buildSubgroupExceedsTotalSql(
      additiveIndicators(catalog),
      overlappingBreakdowns(catalog),
    );
    const series = [
      ...subgroupExceedsTotalFindings(await run(subgroups), file),
      ...unusualJumpFindings(await run(buildUnusualJumpSql()), file),
    ];
    const outliers = seasonalOutlierFindings(await run(buildSeasonalOutlierSql()), file);
    // A value far from its season says more than its step from the quarter before: one warning.
    const cell = (f: Finding) => `${f.row}|${f.detail?.period}|${f.value}`;
    const outlierCells = new Set(outliers.map(cell));
    const changes = periodChangeFindings(await run(buildPeriodChangeSql()), file).filter(
      (f) => !outlierCells.has(cell(f)),
    );
    const findings = [...series, ...outliers, ...changes];
    // The file's rows as prepared: read once, not again from the staged table behind a view.
    const merged = mergedRowsSql({ incoming: preparedSeries.rows, history: tables.history });
    const fileIndicators = (
      await engine.query(`SELECT DISTINCT indicator_id FROM ${preparedSeries.keys}`)
    ).map((r) => String(r.indicator_id));
    // A rule that reads none of the file's indicators cannot be broken by the file's rows.
    const touched = parsedRules(catalog.rules).filter(
      (parsed) => indicatorsRulesRead([parsed], fileIndicators).length > 0,
    );
    if (touched.length === 0) return findings;
    // The rows the rules read, merged once: each rule then plans over one small table, not over
    // the union and the anti-join again (planning those took more time than running them).
    const read = indicatorsRulesRead(touched, fileIndicators);
    await engine.query(
      `CREATE OR REPLACE TABLE ${ruleRowsTable} AS SELECT * FROM (${merged}) WHERE indicator_id IN (${read.map(() => "?").join(", ")})`,
      read,
    );
    try {
      for (const parsed of touched) {
        const rows = await run(
          buildRuleSql(parsed.rule, parsed.expression, `SELECT * FROM ${ruleRowsTable}`, {
            onlyBroken: true,
            onlyFromFile: true,
          }),
        );
        for (const comparison of ruleComparisons(parsed.expression, rows))
          findings.push(ruleFinding(parsed, comparison, file));
      }
    } finally {
      await engine.exec(`DROP TABLE IF EXISTS ${ruleRowsTable}`);
    }
    return findings;
  });
}
