import type { XmlHandlers } from "./xml-stream";

export interface SheetEntry {
  name: string;
  /** The relationship id that names the sheet's part in workbook.xml.rels. */
  relationship: string;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  /** Whether serial dates count from 1904 (old Mac workbooks) instead of 1900. */
  date1904: boolean;
}

const isTrue = (value: string | undefined) => value === "1" || value === "true";

/** Reads xl/workbook.xml: the sheets in their tab order, and the date system. */
export function workbookReader(): { handlers: XmlHandlers; result: WorkbookInfo } {
  const result: WorkbookInfo = { sheets: [], date1904: false };
  return {
    result,
    handlers: {
      open(name, attributes) {
        if (name === "workbookPr") result.date1904 = isTrue(attributes.date1904);
        if (name === "sheet" && attributes.name !== undefined && attributes.id !== undefined)
          result.sheets.push({ name: attributes.name, relationship: attributes.id });
      },
      close() {},
    },
  };
}

/** Reads xl/_rels/workbook.xml.rels: each relationship id's part, as a path inside the archive. */
export function relationshipsReader(): { handlers: XmlHandlers; result: Map<string, string> } {
  const result = new Map<string, string>();
  return {
    result,
    handlers: {
      open(name, attributes) {
        if (name !== "Relationship" || !attributes.Id || !attributes.Target) return;
        if (attributes.TargetMode === "External") return;
        result.set(attributes.Id, partPath(attributes.Target));
      },
      close() {},
    },
  };
}

/** A relationship's target as an archive path: relative to xl/, or absolute from the root. */
export function partPath(target: string): string {
  const segments: string[] = target.startsWith("/") ? [] : ["xl"];
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}
