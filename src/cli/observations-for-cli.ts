import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Catalog } from "../lib/catalog/schema";
import { createI18n } from "../lib/i18n/create-i18n";
import type { Language } from "../lib/i18n/resources";
import { describeFinding } from "../lib/intake/describe-finding";
import { inspectFile } from "../lib/intake/inspect-file";
import type { Observation } from "../lib/observations/columns";
import { nodeParquet } from "../lib/parquet/parquet-node";
import { collectObservations, type DataSet } from "../lib/published/local-data-node";

/**
 * The observations a command works on: the files given with `--data`, each through the intake
 * (its errors printed, by file, row and column, in the chosen language), or else the project's
 * data sets. Null when a file has errors: the command then exits 1.
 */
export async function observationsForCli(
  catalog: Catalog,
  paths: readonly string[] | undefined,
  language: Language,
  sets: readonly DataSet[],
): Promise<Observation[] | null> {
  if (!paths || paths.length === 0) return collectObservations(sets);
  const { t } = createI18n(language);
  const observations: Observation[] = [];
  for (const path of paths) {
    const result = await inspectFile(
      catalog,
      basename(path),
      new Uint8Array(await readFile(path)),
      {
        parquet: nodeParquet,
      },
    );
    if (result.errors > 0) {
      for (const f of result.findings.filter((x) => x.severity === "error"))
        console.error(describeFinding(f, t));
      return null;
    }
    observations.push(...result.observations);
  }
  return observations;
}
