import { describe, expect, it } from "vitest";
import {
  bundleManifest,
  nextVersion,
  type ReleaseIndex,
} from "../../../src/lib/releases/release-formats";

const hash = "a".repeat(64);
const index = (...versions: string[]): ReleaseIndex => ({
  format: "gcm-monitor-releases/1",
  releases: versions.map((version) => ({
    version,
    date: "2026-11-30T10:00:00.000Z",
    manifestSha256: hash,
  })),
});

describe("release versions", () => {
  it("numbers a day's releases in order, starting at 1", () => {
    const now = new Date("2026-11-30T15:00:00Z");
    expect(nextVersion(null, now)).toBe("2026-11-30-1");
    expect(nextVersion(index("2026-11-29-3"), now)).toBe("2026-11-30-1");
    expect(nextVersion(index("2026-11-29-3", "2026-11-30-1", "2026-11-30-2"), now)).toBe(
      "2026-11-30-3",
    );
  });
});

describe("bundle manifest", () => {
  const valid = {
    format: "gcm-monitor-bundle/1",
    id: "0123456789",
    status: "submitted",
    preparedBy: {
      name: "Ana",
      role: "Oficial de estadística, INM",
      at: "2026-11-30T10:00:00.000Z",
    },
    basedOn: null,
    catalogVersion: "abc",
    submissions: [],
    files: [],
  };

  it("records who prepared it, and refuses a blank name or role", () => {
    expect(bundleManifest.safeParse(valid).success).toBe(true);
    expect(
      bundleManifest.safeParse({ ...valid, preparedBy: { ...valid.preparedBy, name: "  " } })
        .success,
    ).toBe(false);
    expect(bundleManifest.safeParse({ ...valid, extra: 1 }).success).toBe(false);
  });
});
