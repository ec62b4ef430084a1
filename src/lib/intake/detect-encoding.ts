export type TextEncodingName = "utf-8" | "utf-8-bom" | "windows-1252";

/**
 * Decodes bytes as UTF-8 (with or without BOM) when they are valid UTF-8, otherwise as
 * Windows-1252, the encoding Spanish-locale Excel uses for "CSV". The choice is reported.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
