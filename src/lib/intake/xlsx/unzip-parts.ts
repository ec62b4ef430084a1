import { Unzip, UnzipInflate } from "fflate";
import { maxXlsxUnpackedBytes } from "../limits";

/** Where each wanted part's unpacked bytes go, chunk by chunk. */
export type PartSink = (chunk: Uint8Array, final: boolean) => void;

/** Compressed bytes handed to the unzipper at a time: each yields at most a few hundred kilobytes of XML. */
const chunkBytes = 64 * 1024;

/**
 * Unpacks the parts of a zip archive that `sinkFor` wants (it returns null for the others, which
 * are skipped without unpacking), streaming each part's bytes to its sink as they are inflated,
 * so no part need be held whole. Stops with an error past `limit` unpacked bytes, whatever the
 * archive's directory declares, and when a wanted part is cut short. Synchronous: the sinks have run when it returns.
 */
export function unzipParts(
  bytes: Uint8Array,
  sinkFor: (name: string) => PartSink | null,
  limit: number = maxXlsxUnpackedBytes,
): void {
  let unpacked = 0;
  const unfinished = new Set<string>();
  const unzip = new Unzip((file) => {
    const sink = sinkFor(file.name);
    if (sink === null) return;
    unfinished.add(file.name);
    file.ondata = (error, data, final) => {
      if (error) throw error;
      unpacked += data.byteLength;
      if (unpacked > limit)
        throw new Error(`the workbook unpacks to more than ${limit / 1048576} MB`);
      sink(data, final);
      if (final) unfinished.delete(file.name);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < bytes.byteLength; at += chunkBytes)
    unzip.push(bytes.subarray(at, at + chunkBytes), at + chunkBytes >= bytes.byteLength);
  for (const name of unfinished) throw new Error(`${name} is cut short`);
}
