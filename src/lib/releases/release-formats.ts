import { z } from "zod";

/**
 * The files that carry data from an officer's browser to the public site, all checked with
 * SHA-256: a bundle sent for approval, and an approved release. Nobody is authenticated (there
 * are no accounts): a name and a role are what a person typed, recorded as such.
 */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** Who did a step, as they gave it, and when. */
export const person = z.strictObject({
  name: z.string().trim().min(1).max(120),
  role: z.string().trim().min(1).max(120),
  at: z.string().datetime(),
});
export type Person = z.infer<typeof person>;

export const fileEntry = z.strictObject({
  path: z.string().min(1),
  bytes: z.number().int().min(0),
  sha256,
});
export type FileEntry = z.infer<typeof fileEntry>;

export const bundleFormat = "gcm-monitor-bundle/1";
export const bundleManifestFile = "bundle.json";
export const bundleManifestChecksumFile = "bundle.sha256";

/** An officer's accepted files sent for approval, as one zip: this manifest and the Parquet files. */
export const bundleManifest = z.strictObject({
  format: z.literal(bundleFormat),
  id: z.string().min(8),
  status: z.enum(["submitted", "returned"]),
  preparedBy: person,
  /** The release the officer's browser showed when preparing (null: the build's own data). */
  basedOn: z.string().nullable(),
  catalogVersion: z.string(),
  submissions: z.array(
    z.strictObject({
      file: z.string(),
      kind: z.enum(["observations", "funding"]),
      fileName: z.string(),
      acceptedAt: z.string(),
      rows: z.number().int().min(0),
      /** Acceptance order in the officer's browser: a later one wins where two cover a scope. */
      seq: z.number().int().positive(),
    }),
  ),
  files: z.array(fileEntry),
  returned: z.strictObject({ by: person, reason: z.string().trim().min(1).max(2000) }).optional(),
});
export type BundleManifest = z.infer<typeof bundleManifest>;

export const releaseFormat = "gcm-monitor-release/1";
export const releaseManifestFile = "manifest.json";

/** One approved release: what it holds, who prepared and approved it, and every file's hash. */
export const releaseManifest = z.strictObject({
  format: z.literal(releaseFormat),
  version: z.string().regex(/^\d{4}-\d{2}-\d{2}-\d+$/),
  date: z.string().datetime(),
  previous: z.string().nullable(),
  catalogVersion: z.string(),
  preparedBy: person,
  approvedBy: person,
  /** The SHA-256 of the bundle's manifest that was approved. */
  bundleSha256: sha256,
  rows: z.number().int().min(0),
  indicators: z.array(z.string()),
  sources: z.array(z.strictObject({ id: z.string(), publisher: z.string(), licence: z.string() })),
  files: z.array(fileEntry),
});
export type ReleaseManifest = z.infer<typeof releaseManifest>;

export const releaseIndexFile = "index.json";
export const releaseIndex = z.strictObject({
  format: z.literal("gcm-monitor-releases/1"),
  /** Oldest first; the last is the one the dashboard shows. */
  releases: z.array(
    z.strictObject({
      version: z.string(),
      date: z.string().datetime(),
      /** SHA-256 of the release's manifest.json, so the index vouches for it. */
      manifestSha256: sha256,
    }),
  ),
});
export type ReleaseIndex = z.infer<typeof releaseIndex>;

export const changesFile = "changes.json";

/** What changed in a release, per indicator: rows added, values revised (old → new), rows removed. */
const changedKey = z.strictObject({
  period: z.string(),
  breakdown: z.record(z.string(), z.string()),
});
export const releaseChanges = z.array(
  z.strictObject({
    indicatorId: z.string(),
    added: z.array(changedKey.extend({ value: z.number().nullable() })),
    revised: z.array(changedKey.extend({ old: z.number().nullable(), new: z.number().nullable() })),
    removed: z.array(changedKey.extend({ value: z.number().nullable() })),
  }),
);
export type ReleaseChanges = z.infer<typeof releaseChanges>;

/**
 * The next release's version: the date, then a number that counts that day's releases
 * (2026-11-30-1, 2026-11-30-2, …), so versions sort in the order they were approved. No dot:
 * a version is a folder and a page's URL, and static hosts read a dotted path as a file.
 */
export function nextVersion(index: ReleaseIndex | null, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  const sameDay = (index?.releases ?? [])
    .map((r) => r.version.match(/^(\d{4}-\d{2}-\d{2})-(\d+)$/))
    .filter((m): m is RegExpMatchArray => m !== null && m[1] === day)
    .map((m) => Number(m[2]));
  return `${day}-${Math.max(0, ...sameDay) + 1}`;
}
