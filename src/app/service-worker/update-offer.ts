import { useSyncExternalStore } from "react";

/**
 * Whether a new version of the app is ready, and how to switch to it. The switch only ever
 * happens when the user asks (it reloads the page), never in the middle of their work.
 */
type Apply = () => void;

let offered: Apply | null = null;
const listeners = new Set<() => void>();

export function offerUpdate(apply: Apply): void {
  offered = apply;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The update to apply, or null while there is none. */
export function useUpdateOffer(): Apply | null {
  return useSyncExternalStore(
    subscribe,
    () => offered,
    () => null,
  );
}
