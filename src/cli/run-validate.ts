import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { loadCatalogFromDir } from "../lib/catalog/load-catalog-node";
import { createI18n } from "../lib/i18n/create-i18n";
import type { Language } from "../lib/i18n/resources";
import { describeFinding } from "../lib/intake/describe-finding";
import { countErrors, type Finding } from "../lib/intake/findings";
import { readCsv } from "../lib/intake/read-csv";
import { validateObservations } from "../lib/intake/validate-observations";
import { catalogDir } from "./catalog-dir";

async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith(".csv")).sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return files;
}

/** Exit code 1 when any file has an error; each finding names file, row and column. */
export async function runValidate(
  paths: readonly string[],
  options: { json: boolean; language: Language },
): Promise<number> {
  const { t } = createI18n(options.language);
  if (paths.length === 0) {
    console.error("Indique al menos un archivo / give at least one file");
    return 2;
  }
  const catalog = await loadCatalogFromDir(catalogDir);
  if (!catalog.ok) {
    for (const p of catalog.problems) console.error(`indicators/${p.file} ${p.path}: ${p.message}`);
    return 1;
  }
  const reports: { file: string; rows: number; errors: number; findings: Finding[] }[] = [];
  for (const file of await expand(paths)) {
    const { findings, observations } = validateObservations(
      catalog.catalog,
      readCsv(await readFile(file, "utf8")),
      file,
    );
    reports.push({ file, rows: observations.length, errors: countErrors(findings), findings });
  }
  if (options.json) {
    const withMessages = reports.map((r) => ({
      ...r,
      findings: r.findings.map((f) => ({ ...f, message: describeFinding(f, t) })),
    }));
    console.log(
      JSON.stringify({ ok: reports.every((r) => r.errors === 0), files: withMessages }, null, 2),
    );
  } else {
    for (const report of reports) {
      for (const finding of report.findings.filter((f) => f.severity !== "info"))
        console.log(describeFinding(finding, t));
      const warnings = report.findings.filter((f) => f.severity === "warning").length;
      console.log(
        report.errors === 0 && warnings === 0
          ? t("validation.accepted", { file: report.file, rows: report.rows })
          : t("validation.summary", {
              file: report.file,
              errors: report.errors,
              warnings,
              rows: report.rows,
            }),
      );
    }
  }
  return reports.some((r) => r.errors > 0) ? 1 : 0;
}
