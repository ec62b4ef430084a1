import type { Row } from "../db/engine";
import {
  type HeadlineSnapshot,
  newerSnapshot,
  parseHeadlineSnapshot,
} from "../observations/headline-snapshot";
import { demoDataDir, demoOn } from "../published/demo-mode";
import { latestRelease } from "../published/releases-client";
import { releaseFiles } from "../releases/release-paths";

// The demo has its own snapshots: figures computed with it never stand in for the real ones.
const publishedUrl = `${import.meta.env.BASE_URL}${demoOn ? demoDataDir : "data"}/headlines-snapshot.json`;
const localKey = `gcm-monitor:headlines-snapshot${demoOn ? ":demo" : ""}`;

function readLocalSnapshot(): HeadlineSnapshot | null {
  try {
    const text = globalThis.localStorage?.getItem(localKey);
    return text ? parseHeadlineSnapshot(JSON.parse(text)) : null;
  } catch {
    // Unreadable or blocked storage: the published snapshot (or the engine) will do.
    return null;
  }
}

/** The published release's snapshot when the site has releases (not with the demo on), else the build's. */
async function fetchPublishedSnapshot(): Promise<HeadlineSnapshot | null> {
  try {
    const release = demoOn ? null : await latestRelease().catch(() => null);
    const response = await fetch(release ? release.url(releaseFiles.headlines) : publishedUrl);
    return response.ok ? parseHeadlineSnapshot(await response.json()) : null;
  } catch {
    return null;
  }
}

/** What to show before the engine answers: the newer of this machine's last results and the build's. */
export async function loadHeadlineSnapshot(): Promise<HeadlineSnapshot | null> {
  return newerSnapshot(readLocalSnapshot(), await fetchPublishedSnapshot());
}

/** Keeps the engine's latest headline results for the next start; a full storage is not an error. */
export function saveLocalSnapshot(rows: readonly Row[]): void {
  const snapshot: HeadlineSnapshot = {
    source: "local",
    computedAt: new Date().toISOString(),
    rows: [...rows],
  };
  try {
    globalThis.localStorage?.setItem(localKey, JSON.stringify(snapshot));
  } catch {
    // Quota exceeded or storage disabled: the next start uses the published snapshot instead.
  }
}
