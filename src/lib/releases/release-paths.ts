/**
 * Where each file of a release lives, relative to the site's `data/releases/` folder. These are
 * the public, stable URLs: `data/releases/<version>/downloads/indicators/<id>.csv` never changes
 * once published, and a new release gets a new version folder.
 */
export function releasePaths(version: string) {
  const root = `${version}`;
  return {
    manifest: `${root}/manifest.json`,
    observations: `${root}/observations.parquet`,
    funding: `${root}/funding.parquet`,
    changes: `${root}/changes.json`,
    headlines: `${root}/headlines-snapshot.json`,
    catalog: `${root}/downloads/catalog.json`,
    wholeRelease: `${root}/downloads/release-${version}.zip`,
    indicator: (id: string, format: "csv" | "json" | "xlsx") =>
      `${root}/downloads/indicators/${id}.${format}`,
  };
}

/** The folder the site serves releases from, beside the build's own data. */
export const releasesDir = "data/releases";
