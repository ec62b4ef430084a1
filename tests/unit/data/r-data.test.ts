import { describe, expect, it } from "vitest";
import { toDataFrame } from "../../../scripts/derive/r-data/data-frame";
import { readRda } from "../../../scripts/derive/r-data/read-rda";
import { unserialize } from "../../../scripts/derive/r-data/unserialize";
import { XdrCursor } from "../../../scripts/derive/r-data/xdr-cursor";

/**
 * Writes R's XDR serialisation by hand, following R Internals §1.8 and serialize.c: a flags word
 * (type in the low byte, object bit 8, attribute bit 9, tag bit 10, levels from bit 12), then
 * the object's content.
 */
class XdrWriter {
  private readonly bytes: number[] = [];

  int(value: number): this {
    const view = new DataView(new ArrayBuffer(4));
    view.setInt32(0, value);
    this.bytes.push(...new Uint8Array(view.buffer));
    return this;
  }

  double(value: number): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value);
    this.bytes.push(...new Uint8Array(view.buffer));
    return this;
  }

  /** NA_real_: the NaN whose low word is 1954. */
  naReal(): this {
    return this.int(0x7ff00000).int(1954);
  }

  raw(bytes: Iterable<number>): this {
    this.bytes.push(...bytes);
    return this;
  }

  /** A CHARSXP: UTF-8 (level 8), Latin-1 (level 4) or NA (length -1). */
  char(text: string | null, encoding: "utf8" | "latin1" = "utf8"): this {
    const level = encoding === "utf8" ? 8 : 4;
    this.int(9 | (level << 12));
    if (text === null) return this.int(-1);
    const bytes =
      encoding === "utf8" ? new TextEncoder().encode(text) : [...text].map((c) => c.charCodeAt(0));
    return this.int(bytes.length).raw(bytes);
  }

  symbol(name: string): this {
    return this.int(1).char(name);
  }

  /** A reference to the n-th symbol read (1-based), packed into the flags word. */
  reference(index: number): this {
    return this.int((index << 8) | 255);
  }

  strings(values: (string | null)[], flags = 16): this {
    this.int(flags).int(values.length);
    for (const v of values) this.char(v);
    return this;
  }

  header(): this {
    return this.int(3).int(0x40400).int(0x30500).int(5).raw(new TextEncoder().encode("UTF-8"));
  }

  done(): Uint8Array {
    return new Uint8Array(this.bytes);
  }
}

const tagged = 2 | (1 << 10);
const object = (1 << 8) | (1 << 9);
const nil = 254;

/**
 * data.frame(year = c(2019, NA, 2.5), name = c("México", NA, "España"),
 *            country = factor(c("USA", NA, "HND")), flag = c(TRUE, FALSE, NA))
 * with the attributes R writes (names, class, compact row.names c(NA, -3)).
 */
function dataFrameStream(): Uint8Array {
  const w = new XdrWriter().header();
  w.int(19 | object).int(4);
  w.int(14).int(3).double(2019).naReal().double(2.5);
  w.int(16).int(3).char("México").char(null).char("España", "latin1");
  w.int(13 | object)
    .int(3)
    .int(2)
    .int(-2147483648)
    .int(1);
  w.int(tagged).symbol("levels").strings(["HND", "USA"]);
  w.int(tagged).symbol("class").strings(["factor"]);
  w.int(nil);
  w.int(10).int(3).int(1).int(0).int(-2147483648);
  w.int(tagged).symbol("names").strings(["year", "name", "country", "flag"]);
  w.int(tagged).reference(2).strings(["data.frame"]);
  w.int(tagged).symbol("row.names").int(13).int(2).int(-2147483648).int(-3);
  w.int(nil);
  return w.done();
}

describe("R's XDR serialisation of a data frame", () => {
  const frame = toDataFrame(unserialize(new XdrCursor(dataFrameStream())));

  it("reads doubles, with NA_real_ as null", () => {
    expect(frame.columns.get("year")).toEqual([2019, null, 2.5]);
  });

  it("reads strings in UTF-8 and Latin-1, with NA_character_ as null", () => {
    expect(frame.columns.get("name")).toEqual(["México", null, "España"]);
  });

  it("turns a factor's 1-based codes into its level labels", () => {
    expect(frame.columns.get("country")).toEqual(["USA", null, "HND"]);
  });

  it("reads logicals, with NA as null", () => {
    expect(frame.columns.get("flag")).toEqual([true, false, null]);
  });

  it("names the columns from the names attribute, resolving a symbol written as a reference", () => {
    expect(frame.names).toEqual(["year", "name", "country", "flag"]);
    expect(frame.rowCount).toBe(3);
  });

  it("expands R's compact integer sequence (ALTREP), which R writes for 1:n", () => {
    const w = new XdrWriter().header().int(238);
    w.int(2).symbol("compact_intseq");
    w.int(2).symbol("base");
    w.int(2).int(13).int(1).int(13).int(nil);
    w.int(14).int(3).double(4).double(7).double(1);
    w.int(nil);
    expect(unserialize(new XdrCursor(w.done()))).toMatchObject({
      kind: "integer",
      values: [7, 8, 9, 10],
    });
  });

  it("refuses an object type a data frame never holds, naming it", () => {
    const closure = new XdrWriter().header().int(3).done();
    expect(() => unserialize(new XdrCursor(closure))).toThrow("SEXP type 3");
  });

  it("refuses a list that is not a data frame", () => {
    const list = new XdrWriter().header().int(19).int(0).done();
    expect(() => toDataFrame(unserialize(new XdrCursor(list)))).toThrow("not a data frame");
  });

  it("says so when the stream ends early", () => {
    const cut = dataFrameStream().subarray(0, 60);
    expect(() => unserialize(new XdrCursor(cut))).toThrow("R data ends early");
  });
});

describe("readRda", () => {
  it("refuses a file that is not bzip2-compressed", () => {
    expect(() => readRda(new TextEncoder().encode("RDX3\nX\n"))).toThrow("no BZh signature");
  });
});
