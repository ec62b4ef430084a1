import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../../src/lib/intake/read-csv";
import { validateObservations } from "../../../src/lib/intake/validate-observations";
import { bundledSources } from "../../../src/lib/observations/bundled-sources";
import { keptArtefacts } from "../../../src/lib/sdmx/kept-artefacts";
import { nationalCodelists } from "../../../src/lib/sdmx/national-codelists";
import { type DataStructure, parseRef, refText } from "../../../src/lib/sdmx/schema";
import { sdmxCsv } from "../../../src/lib/sdmx/sdmx-csv";
import { splitDataflows } from "../../../src/lib/sdmx/split-dataflows";
import { projectCatalog } from "../../helpers/catalog";
import { everyCodeObservations } from "./every-code";

const catalog = projectCatalog();
const { mapping, sdgStructure, nationalStructure } = keptArtefacts;

/** The kept codelists read straight from their files, independently of the loader. */
function keptFromFiles(): Map<string, Set<string>> {
  const dir = "indicators/sdmx/codelists";
  const lists = new Map<string, Set<string>>();
  for (const name of readdirSync(dir)) {
    const file = JSON.parse(readFileSync(join(dir, name), "utf8")) as {
      codelists: { agency: string; id: string; version: string; codes: { id: string }[] }[];
    };
    for (const c of file.codelists)
      lists.set(`${c.agency}:${c.id}(${c.version})`, new Set(c.codes.map((x) => x.id)));
  }
  return lists;
}

const realObservations = readdirSync("data/observations")
  .filter((f) => f.endsWith(".csv"))
  .flatMap(
    (f) =>
      validateObservations(catalog, readCsv(readFileSync(join("data/observations", f), "utf8")), f)
        .observations,
  );
const observations = [...realObservations, ...everyCodeObservations(catalog)];
const split = splitDataflows(observations, catalog, keptArtefacts, bundledSources);
const files = [
  { structure: sdgStructure, dataflow: mapping.sdg.dataflow, rows: split.sdg },
  { structure: nationalStructure, dataflow: mapping.national.dataflow, rows: split.national },
].map((f) => ({
  ...f,
  parsed: Papa.parse<string[]>(sdmxCsv(f.dataflow, f.structure, f.rows), { skipEmptyLines: true })
    .data,
}));

/** The columns SDMX-CSV 1.0 asks for, spelt out from the structure file. */
function expectedHeader(structure: DataStructure): string[] {
  const file = JSON.parse(
    readFileSync(
      `indicators/sdmx/structures/${structure.agency}.${structure.id}.${structure.version}.json`,
      "utf8",
    ),
  ) as { dimensions: { id: string }[]; attributes: { id: string }[] };
  return [
    "DATAFLOW",
    ...file.dimensions.map((d) => d.id),
    "OBS_VALUE",
    ...file.attributes.map((a) => a.id),
  ];
}

describe("exported SDMX-CSV", () => {
  it("fills both dataflows, the SDG one with several series", () => {
    expect(files[0]?.parsed.length).toBeGreaterThan(100);
    expect(files[1]?.parsed.length).toBeGreaterThan(1000);
    expect(new Set(split.sdg.map((r) => r.SERIES)).size).toBeGreaterThan(10);
  });

  it("has the SDMX-CSV 1.0 header: DATAFLOW first, dimensions in DSD order with TIME_PERIOD last, OBS_VALUE, attributes", () => {
    for (const { structure, parsed, dataflow } of files) {
      const [header, ...rows] = parsed;
      expect(header).toEqual(expectedHeader(structure));
      expect(header?.[0]).toBe("DATAFLOW");
      expect(header?.indexOf("OBS_VALUE")).toBe((header?.indexOf("TIME_PERIOD") ?? 0) + 1);
      for (const row of rows) {
        expect(row).toHaveLength(header?.length ?? 0);
        expect(row[0]).toBe(`${dataflow.agency}:${dataflow.id}(${dataflow.version})`);
        expect(parseRef(row[0] ?? "")).toEqual(dataflow);
      }
    }
  });

  it("uses only codes of the kept codelists, in every coded dimension and attribute of every row", () => {
    const kept = keptFromFiles();
    // The national codelists in the zip are made from the current catalog; the kept file must agree.
    for (const list of nationalCodelists(catalog, mapping, nationalStructure).codelists)
      expect(kept.get(`${list.agency}:${list.id}(${list.version})`)).toEqual(
        new Set(list.codes.map((c) => c.id)),
      );
    for (const { structure, parsed } of files) {
      const [header = [], ...rows] = parsed;
      const coded = [...structure.dimensions, ...structure.attributes].filter(
        (c) => c.codelist !== null,
      );
      for (const component of coded) {
        const column = header.indexOf(component.id);
        const codes = kept.get(component.codelist ?? "");
        const values = new Set(rows.map((r) => r[column] ?? ""));
        values.delete("");
        if (values.size > 0) expect(codes, component.codelist ?? "").toBeDefined();
        for (const value of values)
          expect(codes?.has(value), `${refText(structure)} ${component.id}=${value}`).toBe(true);
      }
      // Every dimension is always filled (a total is _T, never blank).
      for (const dimension of structure.dimensions) {
        const column = header.indexOf(dimension.id);
        expect(
          rows.every((r) => (r[column] ?? "") !== ""),
          dimension.id,
        ).toBe(true);
      }
    }
  });

  it("never writes a censored or missing value as a number", () => {
    for (const { parsed } of files) {
      const [header = [], ...rows] = parsed;
      const value = header.indexOf("OBS_VALUE");
      const status = header.indexOf("OBS_STATUS");
      for (const row of rows)
        if (row[status] === "Q" || row[status] === "O") expect(row[value]).toBe("");
      expect(rows.some((r) => r[status] === "Q")).toBe(true);
    }
  });

  it("puts every real row somewhere and no demo row anywhere", () => {
    expect(split.sdg.length + split.national.length).toBe(observations.length);
    const demo = splitDataflows(
      [{ ...observations[0], obs_status: "illustrative" } as (typeof observations)[number]],
      catalog,
      keptArtefacts,
      bundledSources,
    );
    expect(demo.sdg.length + demo.national.length).toBe(0);
    expect(demo.notExported[0]?.rows).toBe(1);
  });
});
