import { isEmbedPath } from "@/lib/embed/embed-path";
import { whenQuiet } from "@/lib/foreground-work";
import { offerUpdate } from "./update-offer";
import { urlsToWarm } from "./urls-to-warm";

/**
 * The first visit hands the worker what it loaded (the engine's 33 MB wasm among it) once nothing
 * the user waits for has run for this long: copied beside the check of a 100,000-row file picked
 * just after the engine was ready, it made that check about a second slower on two cores (README,
 * "Offline").
 */
const quietBeforeCopying = 3000;

/** How often an open dashboard asks whether a new version was published. */
const updateCheckInterval = 60 * 60 * 1000;

let registered = false;

/**
 * Service workers exist only in production builds served over http(s) from a secure context,
 * and never from the embed view (another site's page should not install our worker).
 */
export function serviceWorkerWanted(): boolean {
  return (
    import.meta.env.PROD &&
    !isEmbedPath(window.location.pathname) &&
    typeof window !== "undefined" &&
    window.isSecureContext &&
    /^https?:$/.test(window.location.protocol) &&
    "serviceWorker" in navigator
  );
}

/**
 * Registers the service worker (sw.js, written by the build) so the app opens and works offline
 * after one visit. Called once the data engine has settled: by then the page has downloaded the
 * engine and the data, and the worker keeps them from the HTTP cache instead of downloading them a
 * second time. `engineFiles` are the engine build the page runs (see urlsToWarm). A new version is
 * offered (offerUpdate), never forced.
 */
export async function registerServiceWorker(engineFiles: readonly string[]): Promise<void> {
  if (registered || !serviceWorkerWanted()) return;
  registered = true;
  const controlledAtStart = navigator.serviceWorker.controller !== null;
  const { Workbox } = await import("workbox-window");
  const base = new URL(import.meta.env.BASE_URL, window.location.origin).href;
  const workbox = new Workbox(new URL("sw.js", base).href);

  workbox.addEventListener("waiting", () => offerUpdate(() => void activateWaiting()));
  const registration = await workbox.register({ immediate: true });
  if (!registration) return;

  async function activateWaiting(): Promise<void> {
    const waiting = registration?.waiting;
    // Another tab already switched: this one only needs the new page.
    if (!waiting) {
      window.location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), {
      once: true,
    });
    workbox.messageSkipWaiting();
  }

  const checkForUpdate = () => void workbox.update().catch(() => undefined);
  window.addEventListener("online", checkForUpdate);
  window.setInterval(checkForUpdate, updateCheckInterval);

  if (!controlledAtStart) {
    // The first visit loaded the app and its data before the worker existed: hand it the list,
    // so the next visit, even offline, finds them.
    await workbox.controlling;
    await whenQuiet(quietBeforeCopying);
    const loaded = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    await workbox.messageSW({
      type: "CACHE_URLS",
      payload: { urlsToCache: urlsToWarm(loaded, base, engineFiles) },
    });
  }
}
