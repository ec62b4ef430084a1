import { type Attributes, noAttributes, type PairlistEntry, type RValue, rNull } from "./r-value";
import type { XdrCursor } from "./xdr-cursor";

/**
 * R's serialisation format, version 2 or 3, XDR flavour (R Internals §1.8; R's serialize.c), for
 * the objects data frames are made of: pairlists and attributes, symbols, character, logical,
 * integer, double and list vectors. Anything else (functions, environments, bytecode, ALTREP
 * classes other than compact sequences) is refused by name, never guessed at.
 */

const sexpType = {
  nil: 0,
  symbol: 1,
  pairlist: 2,
  char: 9,
  logical: 10,
  integer: 13,
  double: 14,
  character: 16,
  list: 19,
} as const;

const special = {
  ref: 255,
  nilValue: 254,
  globalEnv: 253,
  emptyEnv: 242,
  baseEnv: 241,
  altrep: 238,
} as const;

const isObjectBit = 1 << 8;
const hasAttributesBit = 1 << 9;
const hasTagBit = 1 << 10;
const latin1Level = 1 << 2;
/** NA_integer_ and NA (logical) are both INT_MIN. */
const naInteger = -2147483648;
/** R's NA_real_ is a NaN whose low word is 1954 (other NaNs are NaN, not missing). */
const naRealLowWord = 1954;

interface Flags {
  type: number;
  levels: number;
  hasAttributes: boolean;
  hasTag: boolean;
  isObject: boolean;
  raw: number;
}

function decodeFlags(raw: number): Flags {
  return {
    type: raw & 0xff,
    levels: raw >> 12,
    hasAttributes: (raw & hasAttributesBit) !== 0,
    hasTag: (raw & hasTagBit) !== 0,
    isObject: (raw & isObjectBit) !== 0,
    raw,
  };
}

/** Reads one serialised object (after the `X\n` format line) from the cursor. */
export function unserialize(cursor: XdrCursor): RValue {
  const version = cursor.int();
  cursor.int(); // the R version that wrote it
  cursor.int(); // the oldest R version that can read it
  if (version === 3)
    cursor.bytesOf(cursor.int()); // the writer's native encoding, e.g. "UTF-8"
  else if (version !== 2) throw new Error(`R serialisation version ${version} is not supported`);
  return new ItemReader(cursor).item();
}

class ItemReader {
  /** Symbols (and environments, which are refused) in the order first read: REFSXP points here. */
  private readonly references: RValue[] = [];

  constructor(private readonly cursor: XdrCursor) {}

  item(): RValue {
    const flags = decodeFlags(this.cursor.int());
    switch (flags.type) {
      case special.nilValue:
      case special.globalEnv:
      case special.emptyEnv:
      case special.baseEnv:
        // environments carry nothing a data frame needs (e.g. a srcref's); read as nothing
        return rNull;
      case special.ref:
        return this.reference(flags.raw);
      case special.altrep:
        return this.altrep();
      case sexpType.nil:
        return rNull;
      case sexpType.symbol:
        return this.symbol();
      case sexpType.pairlist:
        return this.pairlist(flags);
      case sexpType.logical: {
        const values = this.ints(this.length()).map((v) => (v === naInteger ? null : v !== 0));
        return { kind: "logical", values, attributes: this.trailingAttributes(flags) };
      }
      case sexpType.integer: {
        const values = this.ints(this.length()).map((v) => (v === naInteger ? null : v));
        return { kind: "integer", values, attributes: this.trailingAttributes(flags) };
      }
      case sexpType.double: {
        const values = this.doubles(this.length());
        return { kind: "double", values, attributes: this.trailingAttributes(flags) };
      }
      case sexpType.character: {
        const values = Array.from({ length: this.length() }, () => this.charInVector());
        return { kind: "character", values, attributes: this.trailingAttributes(flags) };
      }
      case sexpType.list: {
        const values = Array.from({ length: this.length() }, () => this.item());
        return { kind: "list", values, attributes: this.trailingAttributes(flags) };
      }
      default:
        throw new Error(
          `R object of SEXP type ${flags.type} at byte ${this.cursor.position} is not supported`,
        );
    }
  }

  private reference(raw: number): RValue {
    const packed = raw >> 8;
    const index = packed === 0 ? this.cursor.int() : packed;
    const value = this.references[index - 1];
    if (value === undefined) throw new Error(`R reference ${index} points at nothing`);
    return value;
  }

  private symbol(): RValue {
    const name = this.charInVector();
    const value: RValue = { kind: "symbol", name: name ?? "NA" };
    this.references.push(value);
    return value;
  }

  /** A pairlist is a chain of cells (attributes, tag, value, rest), read here as one list. */
  private pairlist(first: Flags): RValue {
    const entries: PairlistEntry[] = [];
    let attributes: Attributes = noAttributes;
    let flags: Flags | null = first;
    while (flags !== null) {
      if (flags.hasAttributes) {
        const cellAttributes = this.attributes();
        if (entries.length === 0) attributes = cellAttributes;
      }
      const tag = flags.hasTag ? this.item() : rNull;
      const value = this.item();
      entries.push({ tag: tag.kind === "symbol" ? tag.name : null, value });
      const next = decodeFlags(this.cursor.int());
      if (next.type === sexpType.pairlist) flags = next;
      else if (next.type === special.nilValue) flags = null;
      else throw new Error(`a pairlist ends in SEXP type ${next.type}, not NULL`);
    }
    return { kind: "pairlist", entries, attributes };
  }

  private attributes(): Attributes {
    const list = this.item();
    if (list.kind !== "pairlist") throw new Error("R attributes are not a pairlist");
    return new Map(list.entries.map((e) => [e.tag ?? "", e.value]));
  }

  /** A vector's attributes come after its elements. */
  private trailingAttributes(flags: Flags): Attributes {
    return flags.hasAttributes ? this.attributes() : noAttributes;
  }

  private length(): number {
    const length = this.cursor.int();
    if (length !== -1) return length;
    const upper = this.cursor.int();
    const lower = this.cursor.int();
    return upper * 2 ** 32 + (lower >>> 0);
  }

  private ints(length: number): number[] {
    return Array.from({ length }, () => this.cursor.int());
  }

  private doubles(length: number): (number | null)[] {
    return Array.from({ length }, () => {
      const { low, value } = this.cursor.doubleWords();
      return Number.isNaN(value) && low === naRealLowWord ? null : value;
    });
  }

  /** One CHARSXP with its own flags, as the elements of a character vector are written. */
  private charInVector(): string | null {
    const flags = decodeFlags(this.cursor.int());
    if (flags.type !== sexpType.char)
      throw new Error(`expected a string (CHARSXP), found SEXP type ${flags.type}`);
    const length = this.cursor.int();
    if (length === -1) return null;
    const bytes = this.cursor.bytesOf(length);
    return new TextDecoder(flags.levels & latin1Level ? "latin1" : "utf-8").decode(bytes);
  }

  /**
   * ALTREP objects are written as (class info, state, attributes). Only R's compact integer and
   * double sequences (state c(length, start, step)) are expanded; any other class is refused.
   */
  private altrep(): RValue {
    const info = this.item();
    const state = this.item();
    const attributeList = this.item();
    const className = info.kind === "pairlist" ? info.entries[0]?.value : undefined;
    const name = className?.kind === "symbol" ? className.name : "?";
    const attributes: Attributes =
      attributeList.kind === "pairlist"
        ? new Map(attributeList.entries.map((e) => [e.tag ?? "", e.value]))
        : noAttributes;
    if ((name === "compact_intseq" || name === "compact_realseq") && state.kind === "double") {
      const [length = 0, start = 0, step = 1] = state.values.map((v) => v ?? 0);
      const values = Array.from({ length }, (_, i) => start + i * step);
      return {
        kind: name === "compact_intseq" ? "integer" : "double",
        values,
        attributes,
      };
    }
    throw new Error(`R ALTREP class ${name} is not supported`);
  }
}
