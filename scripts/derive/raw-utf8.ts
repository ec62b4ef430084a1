import { decodeText, detectEncoding } from "../../src/lib/intake/detect-encoding";
import { readRaw } from "./raw-files";

/**
 * A raw text file, refused unless its bytes are UTF-8 (with or without BOM): decoded any other
 * way, accented names such as "Año" or "Francisco Morazán" would come out wrong and then fail
 * to match, far from the cause.
 */
export function readRawUtf8(sourceId: string, file: string): string {
  const bytes = readRaw(sourceId, file);
  const encoding = detectEncoding(bytes);
  if (encoding !== "utf-8" && encoding !== "utf-8-bom")
    throw new Error(`${file}: expected UTF-8, but the bytes read as ${encoding}`);
  return decodeText(bytes).text;
}
