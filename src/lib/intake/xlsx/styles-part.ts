import { isDateFormat } from "./date-format";
import type { XmlHandlers } from "./xml-stream";

/**
 * Reads xl/styles.xml into whether each cell style (the `s` of a cell, an index into cellXfs)
 * shows dates. A style without its own number format takes its parent's (cellStyleXfs).
 */
export function stylesReader(): { handlers: XmlHandlers; result: boolean[] } {
  const result: boolean[] = [];
  const codes = new Map<number, string>();
  const parentFormats: (number | undefined)[] = [];
  let list: "cellStyleXfs" | "cellXfs" | null = null;
  const formatOf = (value: string | undefined) =>
    value === undefined || value === "" ? undefined : Number(value);
  return {
    result,
    handlers: {
      open(name, attributes) {
        if (name === "numFmt" && attributes.numFmtId !== undefined)
          codes.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
        else if (name === "cellStyleXfs" || name === "cellXfs") list = name;
        else if (name === "xf" && list === "cellStyleXfs")
          parentFormats.push(formatOf(attributes.numFmtId));
        else if (name === "xf" && list === "cellXfs") {
          const parent = formatOf(attributes.xfId);
          const id =
            formatOf(attributes.numFmtId) ??
            (parent === undefined ? undefined : parentFormats[parent]) ??
            0;
          result.push(isDateFormat(id, codes.get(id)));
        }
      },
      close(name) {
        if (name === list) list = null;
      },
    },
  };
}
