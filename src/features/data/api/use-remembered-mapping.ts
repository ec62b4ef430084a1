import { useEffect, useRef } from "react";
import { findIndicator } from "@/lib/catalog/bundled-catalog";
import {
  forgetMapping,
  isEmptyMapping,
  layoutKey,
  type MappingStorage,
  type RememberedMapping,
  readRememberedMapping,
  rememberMapping,
  sameMapping,
} from "@/lib/officer-tools/remembered-mapping";
import type { InspectChoices } from "./use-inspection";

/**
 * Layouts whose mapping was applied from memory in this page's life, to say so rather than "will
 * be remembered". Module state because the mapping view is rebuilt each time the file is checked.
 */
const appliedFromMemory = new Set<string>();

function storage(): MappingStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function toRemembered(choices: InspectChoices): RememberedMapping {
  const indicatorId = choices.constants?.indicator_id;
  return indicatorId === undefined
    ? { mapping: { ...choices.mapping } }
    : { mapping: { ...choices.mapping }, indicatorId };
}

/** A file just uploaded: nothing chosen yet beyond, perhaps, its sheet. */
function isFresh(choices: InspectChoices): boolean {
  return (
    Object.keys(choices.mapping ?? {}).length === 0 &&
    Object.keys(choices.constants ?? {}).length === 0
  );
}

function withRemembered(choices: InspectChoices, remembered: RememberedMapping): InspectChoices {
  const known = remembered.indicatorId && findIndicator(remembered.indicatorId);
  return {
    ...choices,
    mapping: remembered.mapping,
    ...(known ? { constants: { ...choices.constants, indicator_id: known.id } } : {}),
  };
}

export type MemoryState = "none" | "applied" | "remembered";

/**
 * The officer's column choices, kept per file layout (same header cells) in this browser: applied
 * when a file of that layout is uploaded again, updated on each change, forgotten on request.
 */
export function useRememberedMapping(
  header: readonly string[],
  choices: InspectChoices,
  onChange: (choices: InspectChoices) => void,
): { memory: MemoryState; change: (next: InspectChoices) => void; forget: () => void } {
  const key = layoutKey(header);
  const store = storage();
  const remembered = store ? readRememberedMapping(store, header) : null;
  const apply = store !== null && remembered !== null && isFresh(choices);

  // Once per view: the page passes a new callback on every render.
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current || !apply || !remembered || isEmptyMapping(remembered)) return;
    applied.current = true;
    appliedFromMemory.add(key);
    onChange(withRemembered(choices, remembered));
  }, [apply, key, remembered, choices, onChange]);

  const current = toRemembered(choices);
  const memory: MemoryState =
    remembered === null || isEmptyMapping(current) || !sameMapping(remembered, current)
      ? "none"
      : appliedFromMemory.has(key)
        ? "applied"
        : "remembered";

  const change = (next: InspectChoices) => {
    appliedFromMemory.delete(key);
    if (store) rememberMapping(store, header, toRemembered(next));
    onChange(next);
  };
  const forget = () => {
    appliedFromMemory.delete(key);
    if (store) forgetMapping(store, header);
    onChange(choices.sheet === undefined ? {} : { sheet: choices.sheet });
  };
  return { memory, change, forget };
}
