import { loadCatalogFromDir } from "../lib/catalog/load-catalog-node";
import { startNodeEngine } from "../lib/db/node-engine";
import {
  fundingGaps,
  joinFundingToProgress,
  toFundingLines,
} from "../lib/funding/funding-progress";
import { buildFundingByCommitmentSql } from "../lib/funding/funding-sql";
import { loadFunding } from "../lib/funding/funding-table";
import { totalsByCurrency } from "../lib/funding/funding-totals";
import { headlineSeries, indicatorStatus } from "../lib/progress/indicator-status";
import {
  collectFunding,
  collectObservations,
  type DataSet,
} from "../lib/published/local-data-node";
import { catalogDir } from "./catalog-dir";

/** `gcm funding`: funding joined to the progress of the commitments it pays for, as the donor page shows it. */
export async function runFunding(options: {
  json: boolean;
  donor?: string;
  asOf?: string;
  /** Lay the illustrative demo dataset (observations and funding) over the real data. */
  demo?: boolean;
}): Promise<number> {
  const sets: DataSet[] = options.demo ? ["real", "demo"] : ["real"];
  const catalog = await loadCatalogFromDir(catalogDir);
  if (!catalog.ok) {
    for (const p of catalog.problems) console.error(`indicators/${p.file} ${p.path}: ${p.message}`);
    return 1;
  }
  const asOf = options.asOf ? new Date(options.asOf) : new Date();
  const observations = await collectObservations(sets);
  const statuses = new Map(
    catalog.catalog.indicators.map((i) => [
      i.id,
      indicatorStatus(i, headlineSeries(i, observations), "statcan", asOf),
    ]),
  );
  const engine = await startNodeEngine();
  try {
    await loadFunding(engine, await collectFunding(sets));
    const everything = buildFundingByCommitmentSql(null);
    const all = toFundingLines(await engine.query(everything.sql, everything.params));
    const { sql, params } = buildFundingByCommitmentSql(options.donor ?? null);
    const lines = toFundingLines(await engine.query(sql, params));
    const funded = joinFundingToProgress(catalog.catalog, lines, statuses);
    const report = {
      asOf: asOf.toISOString().slice(0, 10),
      donor: options.donor ?? null,
      illustrative: lines.some((l) => l.illustrative),
      commitments: funded,
      totals: totalsByCurrency(lines),
      gaps: fundingGaps(catalog.catalog, funded, all, statuses),
    };
    if (options.json) console.log(JSON.stringify(report, null, 2));
    else {
      for (const f of funded) {
        console.log(
          `${f.commitment_id.padEnd(40)} ${f.donor.padEnd(28)} ${f.currency} ${f.committed} / ${f.disbursed} (${f.disbursementRate === null ? "—" : `${Math.round(f.disbursementRate * 100)} %`})  ${f.progress.status} ${f.progress.withData}/${f.progress.total}`,
        );
      }
      for (const t of report.totals)
        console.log(`total ${t.currency}: committed ${t.committed}, disbursed ${t.disbursed}`);
    }
    return 0;
  } finally {
    await engine.close();
  }
}
