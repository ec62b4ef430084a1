import { loadCatalogFromDir } from "../lib/catalog/load-catalog-node";
import type { Language } from "../lib/i18n/resources";
import { isIllustrative } from "../lib/observations/decode-rows";
import { headlineSeries, indicatorStatus } from "../lib/progress/indicator-status";
import { type Method, methods } from "../lib/progress/progress-input";
import { catalogDir } from "./catalog-dir";
import { observationsForCli } from "./observations-for-cli";

export interface StatusOptions {
  json: boolean;
  language: Language;
  data?: string[];
  method?: string;
  asOf?: string;
  /** Lay the illustrative demo dataset over the real data (each status says when it used it). */
  demo?: boolean;
}

/** `gcm status`: every indicator's status, its inputs and formula, as the app computes it. */
export async function runStatus(options: StatusOptions): Promise<number> {
  const method: Method = methods.includes(options.method as Method)
    ? (options.method as Method)
    : "statcan";
  const asOf = options.asOf ? new Date(options.asOf) : new Date();
  if (Number.isNaN(asOf.getTime())) {
    console.error(`--as-of: not a date: ${options.asOf}`);
    return 2;
  }
  const catalog = await loadCatalogFromDir(catalogDir);
  if (!catalog.ok) {
    for (const p of catalog.problems) console.error(`indicators/${p.file} ${p.path}: ${p.message}`);
    return 1;
  }
  const observations = await observationsForCli(
    catalog.catalog,
    options.data,
    options.language,
    options.demo ? ["real", "demo"] : ["real"],
  );
  if (!observations) return 1;
  const statuses = catalog.catalog.indicators.map((indicator) => {
    const series = headlineSeries(indicator, observations);
    const s = indicatorStatus(indicator, series, method, asOf);
    const observed = series.filter((p) => p.value !== null);
    return {
      indicator: indicator.id,
      /** Where the values behind the status come from: real (published) data, the demo, or none. */
      data: observed.length === 0 ? "none" : isIllustrative(observed) ? "demo" : "real",
      sources: [
        ...new Set(
          observed.map((p) =>
            p.obs_status === "illustrative" ? "ILLUSTRATIVE" : (p.source ?? ""),
          ),
        ),
      ],
      method,
      status: s.result.status,
      score: s.result.score,
      reason: s.result.reason ?? null,
      baseline: s.result.baseline,
      current: s.result.current,
      target: indicator.target
        ? {
            value: indicator.target.value,
            year: indicator.target.year,
            comparison: indicator.target.comparison,
          }
        : null,
      direction: indicator.direction,
      measure: s.result.measure,
      formula: s.result.formula,
      latest: s.latest ? { period: s.latest.period, value: s.latest.value } : null,
      others: Object.fromEntries(
        methods.filter((m) => m !== method).map((m) => [m, s.all[m].status]),
      ),
      methodsDisagree: s.disagree,
    };
  });
  const demo = options.demo ?? false;
  if (options.json) {
    console.log(
      JSON.stringify({ asOf: asOf.toISOString().slice(0, 10), method, demo, statuses }, null, 2),
    );
  } else {
    for (const s of statuses.filter((x) => x.latest)) {
      console.log(
        `${s.indicator.padEnd(44)} ${s.status.padEnd(22)} ${s.data === "demo" ? "DEMO " : ""}${s.score ?? ""}  ${s.formula || s.reason || ""}`,
      );
    }
    const withData = statuses.filter((s) => s.latest);
    console.log(
      `${withData.length} of ${statuses.length} indicators have data (${withData.filter((s) => s.data === "real").length} real, ${withData.filter((s) => s.data === "demo").length} demo; as of ${asOf.toISOString().slice(0, 10)}, method ${method}).`,
    );
  }
  return 0;
}
