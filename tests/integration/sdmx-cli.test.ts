import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

async function gcm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "src/cli/gcm.ts", ...args], {
      encoding: "utf8",
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("gcm sdmx and gcm validate with SDMX-CSV", () => {
  it("writes the SDMX zip from the real data, and gcm validate accepts both dataflow files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gcm-sdmx-cli-"));
    const out = join(dir, "export.zip");
    const { code, stdout } = await gcm("sdmx", "--out", out, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      file: string;
      dataflows: { file: string; rows: number }[];
    };
    expect(report.file).toBe(out);
    const zip = unzipSync(new Uint8Array(await readFile(out)));
    for (const { file, rows } of report.dataflows) {
      await writeFile(join(dir, file), zip[file] ?? new Uint8Array());
      const checked = await gcm("validate", join(dir, file), "--lang", "en");
      expect(checked.code, checked.stdout).toBe(0);
      expect(checked.stdout).toContain(`0 errors`);
      expect(checked.stdout).toContain(`${rows.toLocaleString("en")} valid rows`);
    }
  });

  it("names row and column of an SDMX code the mapping does not know, exit 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gcm-sdmx-cli-"));
    const file = join(dir, "bad.csv");
    await writeFile(
      file,
      "DATAFLOW,FREQ,REPORTING_TYPE,SERIES,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE\nIAEG-SDGs:DF_SDG_GLC(1.14),A,N,VC_IHR_PSRC,340,_U,2022,35.8\n",
    );
    const { code, stdout } = await gcm("validate", file, "--lang", "es");
    expect(code).toBe(1);
    expect(stdout).toContain("fila 2, columna «SEX» (valor «_U»)");
    expect(stdout).toContain("no tiene equivalente en el catálogo");
  });
});
