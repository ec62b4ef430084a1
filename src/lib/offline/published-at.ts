import { useEffect, useState } from "react";
import { parseHeadlineSnapshot } from "../observations/headline-snapshot";

const publishedSnapshot = `${import.meta.env.BASE_URL}data/headlines-snapshot.json`;

/**
 * When the build's published data were computed (written with the overview's snapshot), for a
 * site without releases (a release carries its own date); null when it cannot be read. Offline,
 * the service worker answers with the copy it kept: the date of the data on screen.
 */
export async function fetchPublishedAt(): Promise<Date | null> {
  try {
    const response = await fetch(publishedSnapshot);
    if (!response.ok) return null;
    const snapshot = parseHeadlineSnapshot(await response.json());
    return snapshot?.source === "published" ? new Date(snapshot.computedAt) : null;
  } catch {
    return null;
  }
}

/** The published data's date, read only while `wanted` (it costs a request). */
export function usePublishedAt(wanted: boolean): Date | null {
  const [publishedAt, setPublishedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    void fetchPublishedAt().then((date) => {
      if (current) setPublishedAt(date);
    });
    return () => {
      current = false;
    };
  }, [wanted]);
  return publishedAt;
}
