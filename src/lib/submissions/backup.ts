import { unzipSync, zipSync } from "fflate";
import { z } from "zod";
import { sha256Hex } from "../hash/sha256";
import type { StoredSubmission, SubmissionMeta, SubmissionStore } from "./submission";
import { DamagedRecordError, type Fingerprint, readVerified } from "./submission-service";

/**
 * A backup is one zip file (stored, not compressed: Parquet is compressed already) holding
 * `manifest.json`, `manifest.sha256` (the SHA-256 of the manifest's bytes) and one Parquet file
 * per stored submission, active and undone alike. The manifest lists each submission with what
 * is known about it and the SHA-256 of its data, the counts, the app version, when it was made
 * and the fingerprint of the accepted data at that moment.
 */
export const backupFormat = "gcm-monitor-backup/1";
export const backupManifestFile = "manifest.json";
export const backupManifestChecksumFile = "manifest.sha256";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const submissionMetaSchema = z.object({
  id: z.string().min(1),
  seq: z.number().int().positive(),
  kind: z.enum(["observations", "funding"]).optional(),
  fileName: z.string(),
  checksum: z.string(),
  dataSha256: sha256,
  acceptedAt: z.string(),
  rows: z.number().int().min(0),
  indicators: z.array(z.string()),
  periods: z.array(z.string()),
  status: z.enum(["active", "undone"]),
  undoneAt: z.string().optional(),
});

export const backupManifest = z.object({
  format: z.literal(backupFormat),
  appVersion: z.string(),
  createdAt: z.string(),
  counts: z.object({
    submissions: z.number().int().min(0),
    active: z.number().int().min(0),
    undone: z.number().int().min(0),
    /** Rows of every submission in the backup, as accepted. */
    rows: z.number().int().min(0),
  }),
  /** The accepted data in effect when the backup was made (see acceptedFingerprint). */
  accepted: z.object({ rows: z.number().int().min(0), sha256 }),
  submissions: z.array(
    z.object({
      file: z.string(),
      bytes: z.number().int().min(0),
      sha256,
      meta: submissionMetaSchema,
    }),
  ),
  /** Stored records left out because their data failed their checksum. */
  omitted: z.array(z.object({ id: z.string(), fileName: z.string(), reason: z.string() })),
});
export type BackupManifest = z.infer<typeof backupManifest>;

export interface Backup {
  bytes: Uint8Array;
  manifest: BackupManifest;
}

const encoder = new TextEncoder();

/**
 * Writes every stored submission (active and undone) with its data into one backup file. Each
 * record's data are checked against their checksum first; a damaged one is left out and named in
 * the manifest's `omitted`, never copied as if it were good. Records stored before checksums
 * existed are copied as they are, with the checksum of their bytes now.
 */
export async function createBackup(
  store: SubmissionStore,
  accepted: Fingerprint,
  info: { appVersion: string; now: Date },
): Promise<Backup> {
  const files: Record<string, Uint8Array> = {};
  const submissions: BackupManifest["submissions"] = [];
  const omitted: BackupManifest["omitted"] = [];
  for (const meta of await store.list()) {
    let parquet: Uint8Array;
    try {
      parquet = await readVerified(store, meta);
    } catch (error) {
      omitted.push({
        id: meta.id,
        fileName: meta.fileName,
        reason: error instanceof DamagedRecordError ? "damaged" : "unreadable",
      });
      continue;
    }
    const file = `submissions/${String(submissions.length + 1).padStart(4, "0")}.parquet`;
    const dataSha256 = meta.dataSha256 ?? (await sha256Hex(parquet));
    files[file] = parquet;
    submissions.push({
      file,
      bytes: parquet.length,
      sha256: dataSha256,
      meta: { ...meta, dataSha256 },
    });
  }
  const manifest: BackupManifest = {
    format: backupFormat,
    appVersion: info.appVersion,
    createdAt: info.now.toISOString(),
    counts: {
      submissions: submissions.length,
      active: submissions.filter((s) => s.meta.status === "active").length,
      undone: submissions.filter((s) => s.meta.status === "undone").length,
      rows: submissions.reduce((sum, s) => sum + s.meta.rows, 0),
    },
    accepted: { rows: accepted.rows, sha256: accepted.sha256 },
    submissions,
    omitted,
  };
  const manifestBytes = encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  files[backupManifestFile] = manifestBytes;
  files[backupManifestChecksumFile] = encoder.encode(`${await sha256Hex(manifestBytes)}\n`);
  return { bytes: zipSync(files, { level: 0 }), manifest };
}

/** Why a backup file was refused; nothing was changed. */
export type BackupProblem =
  | { code: "not_a_backup" }
  | { code: "manifest_changed" }
  | { code: "manifest_invalid"; detail: string }
  | { code: "counts_mismatch"; detail: string }
  | { code: "file_missing"; file: string }
  | { code: "file_unexpected"; file: string }
  | { code: "checksum_mismatch"; file: string; fileName: string }
  | { code: "duplicate"; detail: string };

export class BackupError extends Error {
  constructor(readonly problem: BackupProblem) {
    super(`backup refused: ${JSON.stringify(problem)}`);
    this.name = "BackupError";
  }
}

export interface VerifiedBackup {
  manifest: BackupManifest;
  records: StoredSubmission[];
}

const refuse = (problem: BackupProblem): never => {
  throw new BackupError(problem);
};

/**
 * Reads a backup file and checks all of it: the manifest against its checksum and its schema,
 * the counts against the list, every data file against its SHA-256 (and its size), and that
 * nothing is missing or extra. Any difference refuses the whole file.
 */
export async function readBackup(bytes: Uint8Array): Promise<VerifiedBackup> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return refuse({ code: "not_a_backup" });
  }
  const manifestBytes = files[backupManifestFile];
  const recorded = files[backupManifestChecksumFile];
  if (!manifestBytes || !recorded) return refuse({ code: "not_a_backup" });
  if (new TextDecoder().decode(recorded).trim() !== (await sha256Hex(manifestBytes)))
    refuse({ code: "manifest_changed" });
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(manifestBytes));
  } catch (error) {
    return refuse({ code: "manifest_invalid", detail: String(error) });
  }
  const result = backupManifest.safeParse(parsed);
  if (!result.success)
    return refuse({ code: "manifest_invalid", detail: result.error.issues[0]?.message ?? "" });
  const manifest = result.data;
  const { counts, submissions } = manifest;
  const actual = {
    submissions: submissions.length,
    active: submissions.filter((s) => s.meta.status === "active").length,
    undone: submissions.filter((s) => s.meta.status === "undone").length,
    rows: submissions.reduce((sum, s) => sum + s.meta.rows, 0),
  };
  for (const key of Object.keys(actual) as (keyof typeof actual)[])
    if (actual[key] !== counts[key])
      refuse({ code: "counts_mismatch", detail: `${key}: ${counts[key]} ≠ ${actual[key]}` });
  for (const [what, values] of [
    ["id", submissions.map((s) => s.meta.id)],
    ["seq", submissions.map((s) => String(s.meta.seq))],
    ["file", submissions.map((s) => s.file)],
  ] as const) {
    const seen = new Set<string>();
    for (const value of values) {
      if (seen.has(value)) refuse({ code: "duplicate", detail: `${what} ${value}` });
      seen.add(value);
    }
  }
  const listed = new Set([
    backupManifestFile,
    backupManifestChecksumFile,
    ...submissions.map((s) => s.file),
  ]);
  for (const file of Object.keys(files))
    if (!listed.has(file) && !file.endsWith("/")) refuse({ code: "file_unexpected", file });
  const records: StoredSubmission[] = [];
  for (const entry of submissions) {
    const parquet = files[entry.file];
    if (!parquet) return refuse({ code: "file_missing", file: entry.file });
    if (
      parquet.length !== entry.bytes ||
      entry.sha256 !== entry.meta.dataSha256 ||
      (await sha256Hex(parquet)) !== entry.sha256
    )
      refuse({ code: "checksum_mismatch", file: entry.file, fileName: entry.meta.fileName });
    records.push({ meta: entry.meta, parquet });
  }
  return { manifest, records };
}

export interface RestoredBackup {
  /** Submissions written back (new here, or replacing a damaged local copy). */
  restored: SubmissionMeta[];
  /** Submissions this browser already holds, whole (same id, or the same file with the same data). */
  skipped: SubmissionMeta[];
}

/**
 * Puts a verified backup's submissions into the store in one transaction (all or none), skipping
 * those already present. A local record with the same id whose data are damaged is replaced by
 * the backup's good copy. Submissions keep their place in the order, unless a local submission
 * holds one of their numbers: then they all go after the local ones, in their own order.
 */
export async function restoreBackup(
  store: SubmissionStore,
  backup: VerifiedBackup,
): Promise<RestoredBackup> {
  const local = await store.list();
  const byId = new Map(local.map((m) => [m.id, m]));
  const goodLocally = async (meta: SubmissionMeta) =>
    readVerified(store, meta).then(
      () => true,
      () => false,
    );
  const restored: StoredSubmission[] = [];
  const skipped: SubmissionMeta[] = [];
  for (const record of backup.records) {
    const { meta } = record;
    const same = byId.get(meta.id);
    const sameData = local.find(
      (m) => m.id !== meta.id && m.checksum === meta.checksum && m.dataSha256 === meta.dataSha256,
    );
    if ((same && (await goodLocally(same))) || (!same && sameData)) skipped.push(meta);
    else restored.push(record);
  }
  const replaced = new Set(restored.map((r) => r.meta.id));
  const taken = new Set(local.filter((m) => !replaced.has(m.id)).map((m) => m.seq));
  const last = Math.max(0, ...taken);
  const keep = restored.every((r) => !taken.has(r.meta.seq));
  const placed = restored.map(({ meta, parquet }, index) => ({
    meta: { ...meta, seq: keep ? meta.seq : last + index + 1 },
    parquet,
  }));
  if (placed.length > 0) await store.addAll(placed);
  return { restored: placed.map((p) => p.meta), skipped };
}
