/**
 * Where each file of a release lives, inside its version folder under the site's
 * `data/releases/`. These are the public, stable URLs: a published release's files never
 * change, and a new release gets a new version folder.
 */
export const releaseFiles = {
  manifest: "manifest.json",
  observations: "observations.parquet",
  funding: "funding.parquet",
  changes: "changes.json",
  headlines: "headlines-snapshot.json",
  catalog: "downloads/catalog.json",
  wholeRelease: (version: string) => `downloads/release-${version}.zip`,
  indicator: (id: string, format: "csv" | "json" | "xlsx") =>
    `downloads/indicators/${id}.${format}`,
};

/** The same files with their version folder, as paths under `data/releases/`. */
export function releasePaths(version: string) {
  const at = (file: string) => `${version}/${file}`;
  return {
    manifest: at(releaseFiles.manifest),
    observations: at(releaseFiles.observations),
    funding: at(releaseFiles.funding),
    changes: at(releaseFiles.changes),
    headlines: at(releaseFiles.headlines),
    catalog: at(releaseFiles.catalog),
    wholeRelease: at(releaseFiles.wholeRelease(version)),
    indicator: (id: string, format: "csv" | "json" | "xlsx") =>
      at(releaseFiles.indicator(id, format)),
  };
}

/** The folder the site serves releases from, beside the build's own data. */
export const releasesDir = "data/releases";
