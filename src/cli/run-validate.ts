import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { loadCatalogFromDir } from "../lib/catalog/load-catalog-node";
import type { Catalog } from "../lib/catalog/schema";
import { startNodeEngine } from "../lib/db/node-engine";
import { createI18n } from "../lib/i18n/create-i18n";
import type { Language } from "../lib/i18n/resources";
import { describeFinding, describeFix } from "../lib/intake/describe-finding";
import { mapHeader } from "../lib/intake/header-map";
import { type IntakeOptions, type IntakeResult, inspectFile } from "../lib/intake/inspect-file";
import {
  type Observation,
  type ObservationColumn,
  observationColumns,
} from "../lib/observations/columns";
import { nodeParquet } from "../lib/parquet/parquet-node";
import { addWarnings } from "../lib/plausibility/add-warnings";
import { observationsChecker } from "../lib/plausibility/check-observations";
import { collectObservations } from "../lib/published/local-data-node";
import { catalogDir } from "./catalog-dir";

export interface ValidateOptions {
  json: boolean;
  language: Language;
  sheet?: string;
  indicator?: string;
  /** `Header=column` pairs mapping a file's header to a canonical column by hand. */
  map?: string[];
}

/** Valid rows of a checked file, whether statistics or funding. */
const rowsOf = (report: IntakeResult) =>
  report.kind === "funding" ? report.funding.length : report.observations.length;

const inputExtensions = /\.(csv|txt|tsv|xlsx|parquet)$/i;

async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((n) => inputExtensions.test(n)).sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return files;
}

function manualMapping(
  header: readonly string[],
  pairs: readonly string[],
): Record<number, ObservationColumn | null> {
  const mapping: Record<number, ObservationColumn | null> = {};
  for (const pair of pairs) {
    const [name, column] = pair.split("=");
    const index = header.findIndex((h) => h.trim() === name?.trim());
    if (index < 0) continue;
    mapping[index] = observationColumns.includes(column as ObservationColumn)
      ? (column as ObservationColumn)
      : null;
  }
  return mapping;
}

/**
 * Plausibility warnings (seasonal outliers, unusual quarter-on-quarter changes, the catalog's
 * rules) for every file with rows, on a DuckDB engine of its own with the accepted data as history.
 */
async function addPlausibility(
  reports: { path: string; report: IntakeResult }[],
  catalog: Catalog,
  history: readonly Observation[],
): Promise<void> {
  const checked = reports.filter((r) => r.report.observations.length > 0);
  if (checked.length === 0) return;
  const engine = await startNodeEngine();
  try {
    const check = await observationsChecker(engine, history, catalog);
    for (const entry of checked) {
      const warnings = await check(entry.report.observations, basename(entry.path));
      entry.report = addWarnings(entry.report, warnings);
    }
  } finally {
    await engine.close();
  }
}

/** Exit code 1 when any file has an error; each finding names file, row and column in both languages. */
export async function runValidate(
  paths: readonly string[],
  options: ValidateOptions,
): Promise<number> {
  const { t } = createI18n(options.language);
  const other = createI18n(options.language === "es" ? "en" : "es").t;
  if (paths.length === 0) {
    console.error("Indique al menos un archivo / give at least one file");
    return 2;
  }
  const catalog = await loadCatalogFromDir(catalogDir);
  if (!catalog.ok) {
    for (const p of catalog.problems) console.error(`indicators/${p.file} ${p.path}: ${p.message}`);
    return 1;
  }
  const history = await collectObservations();
  const reports: { path: string; report: IntakeResult }[] = [];
  for (const path of await expand(paths)) {
    const bytes = new Uint8Array(await readFile(path));
    const base: IntakeOptions = {
      parquet: nodeParquet,
      ...(options.sheet ? { sheet: options.sheet } : {}),
      ...(options.indicator ? { constants: { indicator_id: options.indicator } } : {}),
    };
    let report = await inspectFile(catalog.catalog, basename(path), bytes, base);
    if (options.map && options.map.length > 0) {
      report = await inspectFile(catalog.catalog, basename(path), bytes, {
        ...base,
        mapping: manualMapping(report.header, options.map),
      });
    }
    reports.push({ path, report });
  }
  await addPlausibility(reports, catalog.catalog, history);
  if (options.json) {
    const files = reports.map(({ path, report }) => ({
      file: path,
      format: report.format,
      sheet: report.sheet,
      rows: rowsOf(report),
      errors: report.errors,
      warnings: report.warnings,
      unmappedColumns: report.header.filter(
        (_, i) => report.columns[i] === null && mapHeader([report.header[i] ?? ""])[0] === null,
      ),
      findings: report.findings.map((f) => ({
        ...f,
        message: {
          [options.language]: describeFinding(f, t),
          [options.language === "es" ? "en" : "es"]: describeFinding(f, other),
        },
      })),
      fixes: report.fixes.map((f) => ({ ...f, message: describeFix(f, t) })),
    }));
    console.log(
      JSON.stringify({ ok: reports.every((r) => r.report.errors === 0), files }, null, 2),
    );
  } else {
    for (const { path, report } of reports) {
      for (const finding of report.findings.filter(
        (f) => f.severity !== "info" || f.code !== "missing_value",
      )) {
        console.log(describeFinding({ ...finding, file: path }, t));
      }
      for (const fix of report.fixes) console.log(`Info · ${path}: ${describeFix(fix, t)}`);
      console.log(
        report.errors === 0 && report.warnings === 0
          ? t("validation.accepted", {
              file: path,
              count: rowsOf(report),
            })
          : t("validation.summary", {
              file: path,
              errors: t("data.errorCount", { count: report.errors }),
              warnings: t("data.warningCount", { count: report.warnings }),
              rows: t("data.validRowCount", { count: rowsOf(report) }),
            }),
      );
    }
  }
  return reports.some((r) => r.report.errors > 0) ? 1 : 0;
}
