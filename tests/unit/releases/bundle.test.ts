import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  BundleError,
  createBundle,
  readBundle,
  returnBundle,
} from "../../../src/lib/releases/bundle";
import { createMemoryStore } from "../../../src/lib/submissions/memory-store";

const preparedBy = { name: "Ana López", role: "Estadística, INM", at: "2026-11-30T10:00:00.000Z" };
const meta = (id: string, kind: "observations" | "funding" = "observations") => ({
  id,
  kind,
  fileName: `${id}.csv`,
  checksum: id,
  acceptedAt: "2026-11-29T10:00:00.000Z",
  rows: 2,
  indicators: [],
  periods: [],
  status: "active" as const,
});

async function officerStore() {
  const store = createMemoryStore();
  await store.add(meta("q2"), new Uint8Array([1, 2, 3]));
  await store.add(meta("old"), new Uint8Array([9]));
  await store.add(meta("funding", "funding"), new Uint8Array([4, 5]));
  await store.setStatus("old", "undone", "2026-11-29T11:00:00.000Z");
  return store;
}

const bundle = async () =>
  createBundle(await officerStore(), {
    id: "bundle-0001",
    preparedBy,
    basedOn: "2026-11-01.1",
    catalogVersion: "cat",
  });

describe("a bundle sent for approval", () => {
  it("carries the active submissions in acceptance order, with who prepared it", async () => {
    const { manifest } = await readBundle(await bundle());
    expect(manifest.preparedBy).toEqual(preparedBy);
    expect(manifest.basedOn).toBe("2026-11-01.1");
    expect(manifest.submissions.map((s) => [s.fileName, s.kind, s.seq])).toEqual([
      ["q2.csv", "observations", 1],
      ["funding.csv", "funding", 3],
    ]);
  });

  it("refuses a bundle whose data or manifest changed by one byte", async () => {
    const entries = unzipSync(await bundle());
    const data = entries["submissions/0001.parquet"];
    if (!data) throw new Error("no data");
    const changed = { ...entries, "submissions/0001.parquet": new Uint8Array([1, 2, 4]) };
    await expect(readBundle(zipSync(changed))).rejects.toMatchObject({ problem: "file_changed" });
    const manifest = new TextDecoder().decode(entries["bundle.json"]).replace("Ana", "Eva");
    const forged = { ...entries, "bundle.json": new TextEncoder().encode(manifest) };
    await expect(readBundle(zipSync(forged))).rejects.toMatchObject({
      problem: "manifest_changed",
    });
    const extra = { ...entries, "extra.parquet": data };
    await expect(readBundle(zipSync(extra))).rejects.toBeInstanceOf(BundleError);
    await expect(readBundle(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
      problem: "not_a_bundle",
    });
  });

  it("goes back to the officer with who returned it and why, still whole", async () => {
    const returned = await returnBundle(await readBundle(await bundle()), {
      by: { name: "Luis", role: "Director, INM", at: "2026-11-30T12:00:00.000Z" },
      reason: "Falta el desglose por sexo del T2.",
    });
    const { manifest } = await readBundle(returned);
    expect(manifest.status).toBe("returned");
    expect(manifest.returned?.reason).toBe("Falta el desglose por sexo del T2.");
    expect(manifest.preparedBy).toEqual(preparedBy);
  });
});
