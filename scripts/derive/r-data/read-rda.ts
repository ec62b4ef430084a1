import Bunzip from "seek-bzip";
import { type RDataFrame, toDataFrame } from "./data-frame";
import type { RValue } from "./r-value";
import { unserialize } from "./unserialize";
import { XdrCursor } from "./xdr-cursor";

const bzip2Magic = "BZh";
const rdaMagics = ["RDX2\n", "RDX3\n"];
const xdrFormat = "X\n";

function ascii(bytes: Uint8Array, length: number): string {
  return String.fromCharCode(...bytes.subarray(0, length));
}

/**
 * The objects an .rda file (R's `save()`) holds, by name. Only bzip2-compressed files in the XDR
 * format are read, as R packages ship their data; other files are refused with the reason.
 */
export function readRda(file: Uint8Array): Map<string, RValue> {
  if (ascii(file, 3) !== bzip2Magic)
    throw new Error("not a bzip2-compressed .rda file (no BZh signature)");
  const bytes = Bunzip.decode(file);
  const magic = ascii(bytes, 5);
  if (!rdaMagics.includes(magic)) throw new Error(`not an R data file (starts ${magic})`);
  if (ascii(bytes.subarray(5), 2) !== xdrFormat)
    throw new Error("only R's XDR serialisation format is supported");
  const saved = unserialize(new XdrCursor(bytes.subarray(7)));
  if (saved.kind !== "pairlist") throw new Error("an .rda file holds a pairlist of objects");
  return new Map(saved.entries.map((e) => [e.tag ?? "", e.value]));
}

/** The data frame saved under `name` in an .rda file. */
export function readRdaDataFrame(file: Uint8Array, name: string): RDataFrame {
  const value = readRda(file).get(name);
  if (value === undefined) throw new Error(`the .rda file holds no object named ${name}`);
  return toDataFrame(value);
}
