export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * Decodes bytes as UTF-8 (with or without BOM) when they are valid UTF-8, as UTF-16 when they
 * start with its byte order mark (Excel's "Unicode text"), otherwise as Windows-1252, the
 * encoding Spanish-locale Excel uses for "CSV". The choice is reported.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** The index of the first byte above 0x7F, or the length when there is none. */
export function firstNonAscii(bytes: Uint8Array): number {
  let i = 0;
  // Four bytes at a time where the buffer's alignment allows a 32-bit view.
  const aligned = (4 - (bytes.byteOffset % 4)) % 4;
  for (; i < aligned; i++) {
    if (i === bytes.length) return i;
    if ((bytes[i] ?? 0) > 0x7f) return i;
  }
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (bytes.length - i) >> 2);
  let w = 0;
  while (w < words.length && ((words[w] ?? 0) & 0x80808080) === 0) w++;
  for (i += w * 4; i < bytes.length; i++) if ((bytes[i] ?? 0) > 0x7f) return i;
  return bytes.length;
}

/**
 * The encoding `decodeText` would choose, found without decoding the whole file into one string
 * (UTF-8 validity is checked a part at a time and the text thrown away).
 */
export function detectEncoding(bytes: Uint8Array, partBytes = 4 << 20): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8-bom";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    // ASCII is UTF-8 and a character never starts before the first byte above 0x7F: decoding
    // (and throwing away) the text of an all-ASCII file of a million rows took about 0.3 s.
    for (let at = firstNonAscii(bytes); at < bytes.length; at += partBytes) {
      const end = Math.min(bytes.length, at + partBytes);
      decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
    }
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** Windows-1252's characters for bytes 0x80–0x9F (the rest match Latin-1); 0 where it has none. */
const windows1252High = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Windows-1252 as browsers decode it. Node's TextDecoder (v20) decodes this label as Latin-1, so
 * "—" (0x97) came out as the control character U+0097 in the command line but not in the app.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = windows1252High[c.charCodeAt(0) - 0x80] ?? 0;
    return mapped === 0 ? c : String.fromCharCode(mapped);
  });
}

/** Length of the well-formed UTF-8 sequence starting at `i` (2–4), or 0. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : 0;
  if (length === 0) return 0;
  for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  return length;
}

/**
 * For bytes that are not valid UTF-8: the first line that holds a UTF-8 letter typical of Spanish
 * text (é, ñ, ¿, “ …: lead bytes C2, C3 or E2, which as Windows-1252 would read Â, Ã, â — letters
 * Spanish never puts before a symbol) and the first line that is not UTF-8. Both present means
 * the file was pieced together from two encodings and cannot be decoded as either.
 */
export function findMixedEncoding(bytes: Uint8Array): { utf8Row: number; otherRow: number } | null {
  let line = 1;
  let utf8Row = 0;
  let otherRow = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0x0a) line++;
    if (byte < 0x80) continue;
    const length = utf8SequenceAt(bytes, i);
    if (length > 0) {
      if (utf8Row === 0 && (byte === 0xc2 || byte === 0xc3 || byte === 0xe2)) utf8Row = line;
      i += length - 1;
    } else if (otherRow === 0) otherRow = line;
    if (utf8Row > 0 && otherRow > 0) return { utf8Row, otherRow };
  }
  return null;
}
