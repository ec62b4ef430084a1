import { describe, expect, it } from "vitest";
import { decodeText, detectEncoding, firstNonAscii } from "../../../src/lib/intake/detect-encoding";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytesOf = (...values: number[]) => Uint8Array.from(values);
const ascii = "indicator_id,period,value\nreturnees-received,2024-Q1,12\n".repeat(20);

describe("detectEncoding", () => {
  const files: [string, Uint8Array][] = [
    ["empty", new Uint8Array(0)],
    ["ASCII only", utf8(ascii)],
    ["UTF-8 accents after a long ASCII start", utf8(`${ascii}Atlántida,niñas\n`)],
    ["a Windows-1252 é after a long ASCII start", new Uint8Array([...utf8(ascii), 0xe9, 0x0a])],
    ["a UTF-8 continuation byte with no lead", new Uint8Array([...utf8(ascii), 0x80, 0x41])],
    ["UTF-8 cut short at the end", new Uint8Array([...utf8(ascii), 0xc3])],
    ["UTF-8 with a byte order mark", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("año")])],
  ];

  it("chooses what decoding the whole file chooses, in parts of any size", () => {
    for (const [name, bytes] of files)
      for (const partBytes of [1, 2, 3, 7, 4 << 20])
        expect(detectEncoding(bytes, partBytes), `${name}, parts of ${partBytes}`).toBe(
          decodeText(bytes).encoding,
        );
  });
});

describe("firstNonAscii", () => {
  it("finds the first byte above 0x7F at every offset and length of a view", () => {
    const buffer = new Uint8Array([...utf8("abcdefghij"), 0xc3, 0xb1, ...utf8("klmnop")]);
    for (let from = 0; from < buffer.length; from++)
      for (let to = from; to <= buffer.length; to++) {
        const view = buffer.subarray(from, to);
        const expected = view.findIndex((b) => b > 0x7f);
        expect(firstNonAscii(view), `${from}..${to}`).toBe(expected < 0 ? view.length : expected);
      }
  });

  it("is the length when every byte is ASCII", () => {
    expect(firstNonAscii(bytesOf(0x41, 0x7f, 0x00))).toBe(3);
  });
});
