import { unzipSync } from "fflate";
import type { Grid } from "../grid";
import type { CellContext } from "./cell-text";
import { sharedStringsReader } from "./shared-strings-part";
import { sheetReader } from "./sheet-part";
import { stylesReader } from "./styles-part";
import { type PartSink, unzipParts } from "./unzip-parts";
import { relationshipsReader, workbookReader } from "./workbook-part";
import { type XmlHandlers, xmlStream } from "./xml-stream";

export interface WorkbookSheet {
  name: string;
  grid: Grid;
}

const sinkOf = (handlers: XmlHandlers): PartSink => {
  const stream = xmlStream(handlers);
  return (chunk, final) => {
    stream.write(chunk);
    if (final) stream.end();
  };
};

/**
 * Every worksheet of an .xlsx workbook, in tab order, as the intake's grid. Two passes over the
 * archive, because writers put the shared strings and styles after the sheets that use them:
 * the first reads the workbook, its relationships, strings and styles; the second streams each
 * sheet through the XML parser. Nothing recurses, so how deep the caller's stack is never matters.
 */
export function readWorkbookSheets(bytes: Uint8Array): WorkbookSheet[] {
  // The archive's directory, at its end, is read first (nothing is unpacked): a cut-off download
  // fails here instead of giving the sheets that happened to come before the cut.
  unzipSync(bytes, { filter: () => false });
  const workbook = workbookReader();
  const relationships = relationshipsReader();
  const strings = sharedStringsReader();
  const styles = stylesReader();
  const described = new Map<string, XmlHandlers>([
    ["xl/workbook.xml", workbook.handlers],
    ["xl/_rels/workbook.xml.rels", relationships.handlers],
    ["xl/sharedStrings.xml", strings.handlers],
    ["xl/styles.xml", styles.handlers],
  ]);
  const seen = new Set<string>();
  unzipParts(bytes, (name) => {
    const handlers = described.get(name);
    if (handlers === undefined || seen.has(name)) return null;
    seen.add(name);
    return sinkOf(handlers);
  });
  if (!seen.has("xl/workbook.xml")) throw new Error("the archive has no xl/workbook.xml");

  const context: CellContext = {
    sharedStrings: strings.result,
    dateStyles: styles.result,
    date1904: workbook.result.date1904,
  };
  const sheetOfPart = new Map<string, ReturnType<typeof sheetReader>>();
  const sheets = workbook.result.sheets.flatMap((sheet) => {
    const path = relationships.result.get(sheet.relationship);
    if (path === undefined || sheetOfPart.has(path)) return [];
    const reader = sheetReader(context);
    sheetOfPart.set(path, reader);
    return [{ name: sheet.name, path, reader }];
  });
  unzipParts(bytes, (name) => {
    const reader = sheetOfPart.get(name);
    if (reader === undefined) return null;
    sheetOfPart.delete(name);
    return sinkOf(reader.handlers);
  });
  return sheets.map((sheet) => ({ name: sheet.name, grid: sheet.reader.grid() }));
}
