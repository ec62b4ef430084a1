/**
 * `gcm selfcheck`: broken and hostile files through the intake and the accept path, and faults
 * injected into storage and the engine, each time comparing all accepted data before and after.
 * Nothing here touches real storage: a fresh engine and a memory store per run.
 */
import type { Catalog } from "../catalog/schema";
import type { ArrowModule } from "../db/columns-to-ipc";
import { type Engine, EngineCrashedError } from "../db/engine";
import { sha256Hex } from "../hash/sha256";
import { createI18n } from "../i18n/create-i18n";
import { describeFinding } from "../intake/describe-finding";
import type { Finding } from "../intake/findings";
import type { ParquetWasm } from "../parquet/parquet-codec";
import { createMemoryStore } from "../submissions/memory-store";
import {
  StorageError,
  type StoredSubmission,
  type SubmissionStore,
} from "../submissions/submission";
import {
  acceptedFingerprint,
  restoreSubmissions,
  undoSubmission,
} from "../submissions/submission-service";
import { acceptStagedSql } from "../submissions/submission-sql";
import { observationsDataset } from "../tables/table-descriptors";
import { type HostileCase, toCsv } from "./hostile-corpus";
import { type SubmitContext, type SubmitOutcome, submitFile } from "./submit-file";

export interface SelfcheckDeps {
  catalog: Catalog;
  parquet: ParquetWasm;
  arrow: ArrowModule;
  /** A new engine with the published data loaded, as the app has after a reload. */
  startEngine(): Promise<Engine>;
  corpus: readonly HostileCase[];
  /** How long one input may take before it counts as hung; 60 s by default. */
  timeLimitMs?: number;
  /** Inject the storage and engine faults too (default); false checks the inputs only. */
  faults?: boolean;
}

/** All accepted data as text lines, and every stored record with the SHA-256 of its data. */
export interface DataState {
  rows: string[];
  records: string[];
  fingerprint: string;
}

export interface InputReport {
  name: string;
  fileName: string;
  outcome: "refused" | "accepted" | "crashed";
  /** Error codes found, in order, without repeats. */
  codes: string[];
  milliseconds: number;
  /** Accepted data and stored records exactly as before. */
  unchanged: boolean;
  bytesUnchanged: boolean;
  /** Every finding has a message in Spanish and in English naming the file. */
  messages: boolean;
  rowsLost: number;
  recordsLost: number;
  error?: string;
}

export interface FaultReport {
  name: string;
  description: string;
  injected: boolean;
  /** What happened, e.g. "accept failed: quota exceeded; reload: 2 restored". */
  observed: string;
  /** The end state is one the design allows (e.g. as before, or with the file accepted). */
  allowed: boolean;
  rowsLost: number;
  recordsLost: number;
}

export interface SelfcheckReport {
  inputsTried: number;
  faultsInjected: number;
  /** Accepted rows and stored records lost, over every input and fault. */
  dataLost: number;
  crashed: number;
  inputs: InputReport[];
  faults: FaultReport[];
  skipped: string[];
  /** Everything that went wrong; empty when the check passed. */
  problems: string[];
}

const at = "2031-06-30T00:00:00.000Z";

/** Two quarters already accepted before anything hostile arrives, so that there is data to lose. */
const seedFiles: readonly { name: string; rows: (string | number)[][] }[] = [
  {
    name: "seed-returnees.csv",
    rows: [
      ["returnees-received", "2031-Q1", 9000, ""],
      ["returnees-received", "2031-Q1", 2100, "female"],
    ],
  },
  {
    name: "seed-detention.csv",
    rows: [["children-in-detention", "2031-Q1", 480, ""]],
  },
];
const csvBytes = (rows: (string | number)[][]) =>
  new TextEncoder().encode(toCsv([["indicator_id", "period", "value", "sex"], ...rows]));
/** The file the faults try to accept: it restates returnees 2031-Q1 and adds 2031-Q2. */
const faultFile = csvBytes([
  ["returnees-received", "2031-Q1", 9100, ""],
  ["returnees-received", "2031-Q2", 8800, ""],
]);

/** Every stored record: what is known about it and the SHA-256 of its data, in order. */
async function storedRecords(store: SubmissionStore): Promise<string[]> {
  const records: string[] = [];
  for (const meta of await store.list())
    records.push(`${JSON.stringify(meta)} ${await sha256Hex(await store.read(meta.id))}`);
  return records;
}

export async function dataState(engine: Engine, store: SubmissionStore): Promise<DataState> {
  const rows = (await engine.query("SELECT * FROM observations ORDER BY ALL")).map((r) =>
    JSON.stringify(r),
  );
  return {
    rows,
    records: await storedRecords(store),
    fingerprint: (await acceptedFingerprint(engine)).sha256,
  };
}

/** How many of `expected`'s lines `actual` lacks (as multisets). */
function missing(expected: readonly string[], actual: readonly string[]): number {
  const left = new Map<string, number>();
  for (const line of actual) left.set(line, (left.get(line) ?? 0) + 1);
  let count = 0;
  for (const line of expected) {
    const n = left.get(line) ?? 0;
    if (n > 0) left.set(line, n - 1);
    else count++;
  }
  return count;
}

const same = (a: DataState, b: DataState) =>
  a.fingerprint === b.fingerprint &&
  a.rows.length === b.rows.length &&
  a.rows.every((r, i) => r === b.rows[i]) &&
  a.records.length === b.records.length &&
  a.records.every((r, i) => r === b.records[i]);

/** Loss against the closest of the states the design allows. */
function loss(allowedStates: readonly DataState[], actual: DataState) {
  const losses = allowedStates.map((s) => ({
    rows: missing(s.rows, actual.rows),
    records: missing(
      s.records.map((r) => r.slice(r.lastIndexOf(" "))),
      actual.records.map((r) => r.slice(r.lastIndexOf(" "))),
    ),
    same: same(s, actual),
  }));
  const best = losses.find((l) => l.same) ??
    losses.sort((a, b) => a.rows + a.records - (b.rows + b.records))[0] ?? {
      rows: 0,
      records: 0,
      same: false,
    };
  return { rowsLost: best.rows, recordsLost: best.records, allowed: best.same };
}

function withinTime<T>(work: Promise<T>, milliseconds: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} took longer than ${milliseconds} ms`)),
      milliseconds,
    );
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

const i18n = { es: createI18n("es").t, en: createI18n("en").t };
const unresolved = /validation\.codes\.|\{\{/;

/** Whether a finding reads as a message, with its action, in both languages, naming the file. */
export function hasMessages(finding: Finding): boolean {
  const es = describeFinding(finding, i18n.es);
  const en = describeFinding(finding, i18n.en);
  const named = (m: string) =>
    m.includes(finding.file.slice(0, 50)) &&
    (finding.row === undefined || m.includes(String(finding.row)));
  return !unresolved.test(es) && !unresolved.test(en) && es !== en && named(es) && named(en);
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** An engine that fails the statement that adds the staged rows to the accepted ones. */
function failingInsert(engine: Engine, failure: () => Error): Engine & { hits: () => number } {
  const insert = acceptStagedSql(observationsDataset);
  let hits = 0;
  return {
    ...engine,
    query: async (sql, params) => {
      if (sql === insert) {
        hits++;
        throw failure();
      }
      return engine.query(sql, params);
    },
    hits: () => hits,
  };
}

export async function runSelfcheck(deps: SelfcheckDeps): Promise<SelfcheckReport> {
  const timeLimit = deps.timeLimitMs ?? 60_000;
  const engines = new Set<Engine>();
  const start = async () => {
    const engine = await deps.startEngine();
    engines.add(engine);
    return engine;
  };
  const close = async (engine: Engine) => {
    engines.delete(engine);
    await engine.close();
  };
  const context = (engine: Engine, store: SubmissionStore): SubmitContext => ({
    catalog: deps.catalog,
    engine,
    store,
    parquet: deps.parquet,
    arrow: deps.arrow,
  });
  const submit = (
    engine: Engine,
    store: SubmissionStore,
    fileName: string,
    bytes: Uint8Array,
    id: string,
  ) => submitFile(context(engine, store), fileName, bytes, { id, at });
  /** A fresh engine and store holding the seed submissions, as after some quarters of use. */
  const seeded = async () => {
    const engine = await start();
    const records = new Map<string, StoredSubmission>();
    const store = createMemoryStore(records);
    for (const [i, seed] of seedFiles.entries()) {
      const outcome = await submit(engine, store, seed.name, csvBytes(seed.rows), `seed-${i + 1}`);
      if (outcome.outcome !== "accepted") throw new Error(`seed file ${seed.name} was refused`);
    }
    return { engine, store, records };
  };
  /** The state a reload reaches: a new engine restoring from the store. */
  const reloaded = async (store: SubmissionStore) => {
    const engine = await start();
    try {
      const restore = await restoreSubmissions(engine, store, deps.parquet);
      return { state: await dataState(engine, store), restore };
    } finally {
      await close(engine);
    }
  };

  const report: SelfcheckReport = {
    inputsTried: 0,
    faultsInjected: 0,
    dataLost: 0,
    crashed: 0,
    inputs: [],
    faults: [],
    skipped: [],
    problems: [],
  };
  try {
    // 1. Every hostile input, one after another on the same engine and store.
    const { engine, store } = await seeded();
    const seedState = await dataState(engine, store);
    for (const input of deps.corpus) {
      const before = await dataState(engine, store);
      const copy = input.bytes.slice();
      const started = performance.now();
      let outcome: SubmitOutcome | undefined;
      let error: string | undefined;
      try {
        outcome = await withinTime(
          submit(engine, store, input.fileName, input.bytes, `input-${input.name}`),
          timeLimit,
          input.name,
        );
      } catch (thrown) {
        error = errorText(thrown);
      }
      const milliseconds = Math.round(performance.now() - started);
      const after = await dataState(engine, store);
      const findings = outcome?.result.findings ?? [];
      const lost = loss([before], after);
      const entry: InputReport = {
        name: input.name,
        fileName: input.fileName,
        outcome: outcome?.outcome ?? "crashed",
        codes: [...new Set(findings.filter((f) => f.severity === "error").map((f) => f.code))],
        milliseconds,
        unchanged: lost.allowed,
        bytesUnchanged:
          copy.length === input.bytes.length && copy.every((b, i) => b === input.bytes[i]),
        messages: findings.every(hasMessages),
        rowsLost: lost.rowsLost,
        recordsLost: lost.recordsLost,
        ...(error === undefined ? {} : { error }),
      };
      report.inputs.push(entry);
      report.inputsTried++;
      if (entry.outcome === "crashed") report.crashed++;
      if (entry.outcome === "crashed") report.problems.push(`${input.name}: crashed (${error})`);
      if (entry.outcome === "accepted") report.problems.push(`${input.name}: accepted`);
      if (entry.outcome === "refused" && entry.codes.length === 0)
        report.problems.push(`${input.name}: refused without an error finding`);
      if (!entry.unchanged) report.problems.push(`${input.name}: accepted data changed`);
      if (!entry.bytesUnchanged) report.problems.push(`${input.name}: input bytes changed`);
      if (!entry.messages) report.problems.push(`${input.name}: a finding lacks a message`);
    }

    // 2. Faults, each from the same seeded state on a fresh engine and store; the states the
    // design allows are those of the seeds alone, and of the seeds with the fault file accepted.
    if (deps.faults === false) return finish(report);
    const withFile = await submit(engine, store, "q2.csv", faultFile, "q2");
    if (withFile.outcome !== "accepted") throw new Error("the fault file was refused");
    const acceptedState = await dataState(engine, store);
    await close(engine);
    const fault = (
      entry: Omit<FaultReport, "rowsLost" | "recordsLost" | "allowed">,
      checks: {
        allowed: DataState[];
        actual: DataState;
      }[],
    ) => {
      let rowsLost = 0;
      let recordsLost = 0;
      let allowed = true;
      for (const check of checks) {
        const l = loss(check.allowed, check.actual);
        rowsLost += l.rowsLost;
        recordsLost += l.recordsLost;
        allowed &&= l.allowed;
      }
      const full: FaultReport = { ...entry, allowed, rowsLost, recordsLost };
      report.faults.push(full);
      if (full.injected) report.faultsInjected++;
      else report.problems.push(`${full.name}: the fault was never triggered`);
      if (!allowed)
        report.problems.push(`${full.name}: ended in a state the design does not allow`);
      report.dataLost += rowsLost + recordsLost;
    };
    const outcomeOf = async (work: Promise<unknown>) => {
      try {
        await work;
        return "succeeded";
      } catch (error) {
        return `failed: ${errorText(error)}`;
      }
    };

    {
      // Storage full: the write is refused, so nothing may change.
      const { engine: e, store: s } = await seeded();
      let hits = 0;
      const full: SubmissionStore = {
        ...s,
        add: async () => {
          hits++;
          throw new StorageError("quota exceeded (injected)", "quota");
        },
      };
      const accept = await outcomeOf(submit(e, full, "q2.csv", faultFile, "q2"));
      // The store is compared record by record, so a reload could only find what it holds.
      const live = await dataState(e, s);
      await close(e);
      fault(
        {
          name: "quota-on-accept",
          description: "storage refuses the write while accepting",
          injected: hits > 0,
          observed: `accept ${accept}`,
        },
        [{ allowed: [seedState], actual: live }],
      );
    }
    {
      // The record is written, then DuckDB refuses the rows: the record must be taken back.
      const { engine: e, store: s } = await seeded();
      const failing = failingInsert(e, () => new Error("insert refused (injected)"));
      const accept = await outcomeOf(submit(failing, s, "q2.csv", faultFile, "q2"));
      const live = await dataState(e, s);
      await close(e);
      const reload = await reloaded(s);
      fault(
        {
          name: "engine-insert-fails",
          description: "the store write succeeds, then the engine refuses the insert",
          injected: failing.hits() > 0,
          observed: `accept ${accept}; reload: ${reload.restore.restored} restored, ${reload.restore.failed.length} failed`,
        },
        [
          { allowed: [seedState], actual: live },
          { allowed: [seedState], actual: reload.state },
        ],
      );
    }
    {
      // The engine dies between the store write and the insert (a closed tab, a crashed worker):
      // after a reload the store decides, and the file is either wholly there or not at all.
      const { engine: e, store: s } = await seeded();
      const dying = failingInsert(e, () => new EngineCrashedError("engine died (injected)"));
      const accept = await outcomeOf(submit(dying, s, "q2.csv", faultFile, "q2"));
      await close(e);
      const reload = await reloaded(s);
      fault(
        {
          name: "interrupted-then-reload",
          description: "interruption between store write and engine insert, then a reload",
          injected: dying.hits() > 0,
          observed: `accept ${accept}; reload: ${reload.restore.restored} restored, ${reload.restore.failed.length} failed; ${same(reload.state, acceptedState) ? "file present" : same(reload.state, seedState) ? "file absent" : "neither"}`,
        },
        [{ allowed: [acceptedState, seedState], actual: reload.state }],
      );
    }
    {
      // A stored record's data are replaced by other valid data (a faulty copy, a meddling
      // extension): the checksum must catch it and the reload fall back to the good data.
      const { engine: e, store: s, records } = await seeded();
      const accepted = await submit(e, s, "q2.csv", faultFile, "q2");
      const target = accepted.outcome === "accepted" ? records.get(accepted.meta.id) : undefined;
      if (!target || target.meta.dataSha256 === undefined) {
        report.skipped.push(
          "tampered-record: stored submissions carry no checksum, so a tampered record cannot be told apart",
        );
      } else {
        // Other valid data for the same quarters, written by the same code into another store.
        const otherStore = createMemoryStore();
        const forged = await submit(
          e,
          otherStore,
          "forged.csv",
          csvBytes([
            ["returnees-received", "2031-Q1", 1, ""],
            ["returnees-received", "2031-Q2", 1, ""],
          ]),
          "forged",
        );
        if (forged.outcome !== "accepted") throw new Error("the forged file was refused");
        records.set(target.meta.id, { ...target, parquet: await otherStore.read(forged.meta.id) });
        await close(e);
        const reload = await reloaded(s);
        const named = reload.restore.failed.some(
          (f) => f.id === target.meta.id && f.reason === "damaged",
        );
        // Without the tampered record the data are the seed's; its record stays, named as damaged.
        const expected = { ...seedState, records: await storedRecords(s) };
        fault(
          {
            name: "tampered-record",
            description: "a stored record's data replaced by other valid Parquet, then a reload",
            injected: true,
            observed: `reload: ${reload.restore.restored} restored, ${named ? "tampered record named as damaged" : "tampered record NOT detected"}`,
          },
          [{ allowed: [expected], actual: reload.state }],
        );
        if (!named) report.problems.push("tampered-record: the tampered record was not named");
      }
    }
    {
      // Storage refuses to mark a submission undone: the undo fails and nothing changes.
      const { engine: e, store: s } = await seeded();
      const accepted = await submit(e, s, "q2.csv", faultFile, "q2");
      const before = await dataState(e, s);
      let hits = 0;
      const full: SubmissionStore = {
        ...s,
        setStatus: async () => {
          hits++;
          throw new StorageError("quota exceeded (injected)", "quota");
        },
      };
      const undo =
        accepted.outcome === "accepted"
          ? await outcomeOf(undoSubmission(e, full, accepted.meta, at))
          : "not tried";
      const live = await dataState(e, s);
      await close(e);
      fault(
        {
          name: "quota-on-undo",
          description: "storage refuses to record an undo",
          injected: hits > 0,
          observed: `undo ${undo}`,
        },
        [{ allowed: [before], actual: live }],
      );
    }
  } finally {
    for (const engine of engines) await engine.close().catch(() => undefined);
  }
  return finish(report);
}

function finish(report: SelfcheckReport): SelfcheckReport {
  report.dataLost += report.inputs.reduce((n, i) => n + i.rowsLost + i.recordsLost, 0);
  if (report.dataLost > 0) report.problems.unshift(`data lost: ${report.dataLost}`);
  return report;
}

/** The one line the command prints last. */
export function summaryLine(report: SelfcheckReport): string {
  return `inputs tried: ${report.inputsTried}, faults injected: ${report.faultsInjected}, data lost: ${report.dataLost}`;
}
