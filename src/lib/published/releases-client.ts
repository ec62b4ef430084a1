import { sha256Hex } from "../hash/sha256";
import {
  type ReleaseIndex,
  type ReleaseManifest,
  releaseIndex,
  releaseIndexFile,
  releaseManifest,
} from "../releases/release-formats";
import { releasePaths, releasesDir } from "../releases/release-paths";

/** A release the site publishes, with its checked manifest (the newest is the one shown). */
export interface LatestRelease {
  index: ReleaseIndex;
  manifest: ReleaseManifest;
  /** URL of a file of the release, by its path in the manifest. */
  url: (path: string) => string;
}

export class ReleaseIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReleaseIntegrityError";
  }
}

const base = `${import.meta.env.BASE_URL}${releasesDir}/`;

async function fetchIndex(): Promise<ReleaseIndex | null> {
  try {
    const response = await fetch(`${base}${releaseIndexFile}`, { cache: "no-cache" });
    if (!response.ok) return null;
    const parsed = releaseIndex.safeParse(await response.json());
    return parsed.success && parsed.data.releases.length > 0 ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The site's index of releases, oldest first (null: no releases published yet). */
export const releasesIndex = fetchIndex;

async function fetchLatest(): Promise<LatestRelease | null> {
  const index = await fetchIndex();
  const entry = index?.releases.at(-1);
  return index && entry ? fetchRelease(index, entry.version) : null;
}

/** One release of the index, its manifest checked against the hash the index gives. */
export async function fetchRelease(index: ReleaseIndex, version: string): Promise<LatestRelease> {
  const entry = index.releases.find((r) => r.version === version);
  if (!entry) throw new ReleaseIntegrityError(`release ${version} is not in the index`);
  const paths = releasePaths(entry.version);
  const response = await fetch(`${base}${paths.manifest}`);
  if (!response.ok) throw new ReleaseIntegrityError(`${paths.manifest}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if ((await sha256Hex(bytes)) !== entry.manifestSha256)
    throw new ReleaseIntegrityError(`${paths.manifest} does not match the index of releases`);
  const manifest = releaseManifest.parse(JSON.parse(new TextDecoder().decode(bytes)));
  return { index, manifest, url: (path) => `${base}${entry.version}/${path}` };
}

let latest: Promise<LatestRelease | null> | null = null;

/**
 * The published release, fetched once per page (the data engine and the first screen share it).
 * Null when the site has no releases: the build's own data are then what is published.
 */
export function latestRelease(): Promise<LatestRelease | null> {
  latest ??= fetchLatest();
  return latest;
}

/** A file of the release, refused unless its bytes are the ones the manifest lists. */
export async function fetchReleaseFile(release: LatestRelease, path: string): Promise<Uint8Array> {
  const entry = release.manifest.files.find((f) => f.path === path);
  if (!entry)
    throw new ReleaseIntegrityError(`${path} is not in release ${release.manifest.version}`);
  const response = await fetch(release.url(path));
  if (!response.ok) throw new ReleaseIntegrityError(`${path}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if ((await sha256Hex(bytes)) !== entry.sha256)
    throw new ReleaseIntegrityError(
      `${path} of release ${release.manifest.version} does not match its manifest`,
    );
  return bytes;
}
