import { unzipSync, zipSync } from "fflate";
import { sha256Hex } from "../hash/sha256";
import type { SubmissionStore } from "../submissions/submission";
import { readVerified } from "../submissions/submission-service";
import {
  type BundleManifest,
  bundleFormat,
  bundleManifest,
  bundleManifestChecksumFile,
  bundleManifestFile,
  type Person,
} from "./release-formats";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A bundle whose every byte was checked: its manifest, the manifest's SHA-256 and its files. */
export interface VerifiedBundle {
  manifest: BundleManifest;
  manifestSha256: string;
  files: Record<string, Uint8Array>;
}

export class BundleError extends Error {
  constructor(
    readonly problem:
      | "not_a_bundle"
      | "manifest_changed"
      | "file_missing"
      | "file_changed"
      | "unknown_file",
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = "BundleError";
  }
}

async function pack(
  manifest: BundleManifest,
  files: Record<string, Uint8Array>,
): Promise<Uint8Array> {
  const text = encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  return zipSync(
    {
      ...files,
      [bundleManifestFile]: text,
      [bundleManifestChecksumFile]: encoder.encode(`${await sha256Hex(text)}\n`),
    },
    { level: 0 },
  );
}

/**
 * The officer's active submissions, in acceptance order, as one file to send for approval. Each
 * record's data are checked against their checksum first (a damaged one stops the bundle).
 */
export async function createBundle(
  store: SubmissionStore,
  info: { id: string; preparedBy: Person; basedOn: string | null; catalogVersion: string },
): Promise<Uint8Array> {
  const active = (await store.list())
    .filter((m) => m.status === "active")
    .sort((a, b) => a.seq - b.seq);
  const files: Record<string, Uint8Array> = {};
  const manifest: BundleManifest = {
    format: bundleFormat,
    id: info.id,
    status: "submitted",
    preparedBy: info.preparedBy,
    basedOn: info.basedOn,
    catalogVersion: info.catalogVersion,
    submissions: [],
    files: [],
  };
  for (const meta of active) {
    const parquet = await readVerified(store, meta);
    const file = `submissions/${String(manifest.submissions.length + 1).padStart(4, "0")}.parquet`;
    files[file] = parquet;
    manifest.submissions.push({
      file,
      kind: meta.kind ?? "observations",
      fileName: meta.fileName,
      acceptedAt: meta.acceptedAt,
      rows: meta.rows,
      seq: meta.seq,
    });
    manifest.files.push({ path: file, bytes: parquet.length, sha256: await sha256Hex(parquet) });
  }
  return pack(manifest, files);
}

/**
 * Opens a bundle and checks all of it: the manifest against its recorded SHA-256, every file
 * against the manifest, and nothing more nor less than the manifest lists. Any difference
 * refuses the whole bundle.
 */
export async function readBundle(bytes: Uint8Array): Promise<VerifiedBundle> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new BundleError("not_a_bundle", error instanceof Error ? error.message : String(error));
  }
  const text = entries[bundleManifestFile];
  const recorded = entries[bundleManifestChecksumFile];
  if (!text || !recorded) throw new BundleError("not_a_bundle", bundleManifestFile);
  const manifestSha256 = await sha256Hex(text);
  if (decoder.decode(recorded).trim() !== manifestSha256)
    throw new BundleError("manifest_changed", bundleManifestFile);
  const parsed = bundleManifest.safeParse(JSON.parse(decoder.decode(text)));
  if (!parsed.success) throw new BundleError("not_a_bundle", parsed.error.issues[0]?.message ?? "");
  const manifest = parsed.data;
  const files: Record<string, Uint8Array> = {};
  for (const entry of manifest.files) {
    const data = entries[entry.path];
    if (!data) throw new BundleError("file_missing", entry.path);
    if (data.length !== entry.bytes || (await sha256Hex(data)) !== entry.sha256)
      throw new BundleError("file_changed", entry.path);
    files[entry.path] = data;
  }
  const known = new Set([bundleManifestFile, bundleManifestChecksumFile, ...Object.keys(files)]);
  const extra = Object.keys(entries).find((name) => !known.has(name));
  if (extra) throw new BundleError("unknown_file", extra);
  return { manifest, manifestSha256, files };
}

/** The same bundle sent back to the officer, with who returned it and why. */
export function returnBundle(
  bundle: VerifiedBundle,
  returned: { by: Person; reason: string },
): Promise<Uint8Array> {
  return pack({ ...bundle.manifest, status: "returned", returned }, bundle.files);
}
