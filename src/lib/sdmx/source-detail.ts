import { neutraliseCell } from "../format/neutralise-cell";
import type { DataSource } from "../observations/data-sources";

const registeredId = /\s\[([a-z0-9]+(?:[-.][a-z0-9]+)*)\]$/;

/**
 * SOURCE_DETAIL of a row: a registered dataset named in full (publisher, title, edition, licence)
 * with its id in brackets, so that reading the file back finds the same source; any other source
 * text as it is. Free text is neutralised like every CSV cell a spreadsheet could run.
 */
export function sourceDetail(source: string | null, sources: readonly DataSource[]): string {
  if (!source) return "";
  const known = sources.find((s) => s.id === source);
  if (!known) return neutraliseCell(source);
  return `${known.publisher.en}: ${known.title.en}. ${known.edition}. Licence: ${known.licence.name}. [${known.id}]`;
}

/** The `source` an observation read from SOURCE_DETAIL gets back. */
export function sourceFromDetail(text: string, sources: readonly DataSource[]): string {
  const id = registeredId.exec(text)?.[1];
  if (id && sources.some((s) => s.id === id)) return id;
  return unneutralise(text);
}

/** Free text written through `neutraliseCell`, as it was before. */
export function unneutralise(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
