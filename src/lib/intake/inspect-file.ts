import type { Catalog } from "../catalog/schema";
import { isFundingHeader } from "../funding/funding-header";
import { detectFormat, type FileFormat } from "./file-kind";
import type { Finding } from "./findings";
import {
  type IntakeOptions,
  type IntakeResult,
  intakeResult,
  isStopped,
  type Stopped,
} from "./intake-result";
import { maxFileBytes } from "./limits";
import { checkFunding } from "./stages/check-funding";
import { checkInParts } from "./stages/check-in-parts";
import { decodeFile } from "./stages/decode-file";
import { finishObservations } from "./stages/finish-observations";
import { locateRows } from "./stages/locate-rows";
import { mapColumns } from "./stages/map-columns";
import { runRowRules } from "./stages/run-row-rules";
import { screenFile } from "./stages/screen-file";

export type { IntakeOptions, IntakeResult };
export { detectFormat, type FileFormat, maxFileBytes };

/** A file stopped by a stage: the notes of the stages before, then what stopped it. */
const stoppedResult = (
  file: string,
  known: Partial<IntakeResult>,
  notes: readonly Finding[],
  stopped: Stopped,
) => intakeResult(file, { ...known, ...stopped.known }, [...notes, ...stopped.stop]);

/**
 * Reads a file the way officers export them (CSV in any common dialect, XLSX, Parquet), finds
 * its table, maps its columns and validates every row. Changes nothing: accepting is separate.
 * Stages: screen → decode → locate → map → row rules → findings (src/lib/intake/stages); each
 * may stop the file with its own findings, after the notes of the stages before it.
 */
export async function inspectFile(
  catalog: Catalog,
  file: string,
  bytes: Uint8Array,
  options: IntakeOptions = {},
): Promise<IntakeResult> {
  const screened = screenFile(file, bytes);
  if (isStopped(screened)) return intakeResult(file, {}, screened.stop);
  const { format, notes: screenNotes } = screened;

  const inParts = await checkInParts(catalog, file, bytes, format, options);
  if (inParts && isStopped(inParts)) return stoppedResult(file, { format }, screenNotes, inParts);
  if (inParts) {
    const place = { format, sheets: [], sheet: null };
    const notes = [...screenNotes, ...inParts.notes];
    return finishObservations(file, place, notes, inParts, options);
  }

  const decoded = await decodeFile(file, bytes, format, options);
  if (isStopped(decoded)) return stoppedResult(file, { format }, screenNotes, decoded);
  const place = { format, sheets: decoded.sheets, sheet: decoded.sheet };
  const read = [...screenNotes, ...decoded.notes];

  const located = locateRows(file, decoded);
  if (isStopped(located)) return stoppedResult(file, place, read, located);
  const notes = [...read, ...located.notes];

  if (isFundingHeader(located.table.header)) {
    const funding = checkFunding(catalog, file, located.table, decoded.delimiter);
    options.onProgress?.(1);
    return intakeResult(file, { ...place, ...funding.known }, [...notes, ...funding.findings]);
  }

  const mapped = mapColumns(catalog, file, located.table, decoded.delimiter, options);
  if (isStopped(mapped)) return stoppedResult(file, place, notes, mapped);
  const checked = await runRowRules(catalog, mapped, options);
  return finishObservations(
    file,
    place,
    [...notes, ...mapped.notes],
    { ...mapped, checked },
    options,
  );
}
