import { afterEach, describe, expect, it, vi } from "vitest";
import {
  dropIntakeWorker,
  inspectInWorker,
  prepareIntakeWorker,
} from "../../../src/lib/intake/intake-client";

/** Workers as the client starts them, with what it sent each; none runs anything. */
const started: { sent: unknown[]; terminated: boolean }[] = [];
class FakeWorker {
  onerror: unknown = null;
  onmessage: unknown = null;
  readonly record = { sent: [] as unknown[], terminated: false };
  constructor() {
    started.push(this.record);
  }
  postMessage(message: unknown) {
    this.record.sent.push(message);
  }
  terminate() {
    this.record.terminated = true;
  }
}

afterEach(() => {
  dropIntakeWorker();
  started.length = 0;
  vi.unstubAllGlobals();
});

const typesSent = () => started.map((w) => w.sent.map((m) => (m as { type: string }).type));

describe("the intake worker started before its file", () => {
  it("loads the Parquet codec ahead only when asked (the first file's worker)", () => {
    vi.stubGlobal("Worker", FakeWorker);
    prepareIntakeWorker({ loadParquet: true });
    dropIntakeWorker();
    prepareIntakeWorker();
    expect(typesSent()).toEqual([["load-parquet"], []]);
    expect(started.map((w) => w.terminated)).toEqual([true, false]);
  });

  it("is the worker the next file is checked in, once", () => {
    vi.stubGlobal("Worker", FakeWorker);
    prepareIntakeWorker({ loadParquet: true });
    prepareIntakeWorker({ loadParquet: true });
    const check = inspectInWorker({
      request: { fileName: "q.csv", bytes: new Uint8Array([1, 2]) },
      onProgress: () => undefined,
    });
    check.catch(() => undefined);
    expect(typesSent()).toEqual([["load-parquet", "inspect"]]);
  });
});
