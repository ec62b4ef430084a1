import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { dimensionNames } from "../../../src/lib/catalog/schema";
import { obsStatuses } from "../../../src/lib/observations/columns";
import { keptArtefacts } from "../../../src/lib/sdmx/kept-artefacts";
import { nationalCodelists } from "../../../src/lib/sdmx/national-codelists";
import { isNone, sdmxMapping } from "../../../src/lib/sdmx/schema";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const { mapping, sdgStructure, nationalStructure, codelists } = keptArtefacts;
const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));

/** The kept codelist a component of a structure is coded by. */
function codesOf(structure: typeof sdgStructure, component: string): Set<string> {
  const ref = [...structure.dimensions, ...structure.attributes].find(
    (c) => c.id === component,
  )?.codelist;
  const list = ref ? codelists.get(ref) : undefined;
  if (!list) throw new Error(`no kept codelist for ${component} (${ref})`);
  return new Set(list.codes.map((c) => c.id));
}

/** The series constraints kept from sdg-build, by series: each column's allowed codes or ALL. */
const constraints = new Map(
  Papa.parse<Record<string, string>>(
    readFileSync("indicators/sdmx/constraints/sdg-series-constraints.csv", "utf8"),
    { header: true, skipEmptyLines: true },
  ).data.map((r) => [r.SERIES ?? "", r]),
);
const allows = (series: string, column: string, code: string) => {
  const cell = constraints.get(series)?.[column];
  return cell === undefined || cell === "ALL" || cell.split(";").includes(code);
};

describe("the SDMX mapping's links", () => {
  it("is valid against its schema and names no unknown field", () => {
    expect(
      sdmxMapping.safeParse(JSON.parse(readFileSync("indicators/sdmx/mapping.json", "utf8")))
        .success,
    ).toBe(true);
    expect(
      sdmxMapping.safeParse({ ...mapping, unitMult: "3" }).success,
      "values are exported in units",
    ).toBe(false);
  });

  it("maps every exact SDG indicator with a UN series, or says why it stays national", () => {
    const exact = catalog.indicators.filter((i) => i.sdg !== null && i.sdg.match === "exact");
    for (const indicator of exact) {
      const mapped = mapping.sdg.indicators[indicator.id];
      if (indicator.sdg?.series.length) {
        expect(mapped, indicator.id).toBeDefined();
        expect(indicator.sdg.series, indicator.id).toContain(mapped?.series);
      } else expect(mapping.sdg.nationalOnly[indicator.id], indicator.id).toBeTruthy();
    }
    for (const id of [
      ...Object.keys(mapping.sdg.indicators),
      ...Object.keys(mapping.sdg.nationalOnly),
    ])
      expect(
        exact.map((i) => i.id),
        id,
      ).toContain(id);
  });

  it("uses SDG series, areas and codes that exist in the kept SDG codelists", () => {
    const series = codesOf(sdgStructure, "SERIES");
    const areas = codesOf(sdgStructure, "REF_AREA");
    const units = codesOf(sdgStructure, "UNIT_MEASURE");
    expect(areas.has(mapping.sdg.refArea)).toBe(true);
    expect(codesOf(sdgStructure, "REPORTING_TYPE").has(mapping.sdg.reportingType)).toBe(true);
    for (const [id, entry] of Object.entries(mapping.sdg.indicators)) {
      expect(series.has(entry.series), id).toBe(true);
      expect(units.has(entry.unitMeasure), id).toBe(true);
      for (const code of Object.values(entry.seriesBy?.codes ?? {}))
        if (!isNone(code)) expect(series.has(code), `${id} ${code}`).toBe(true);
      for (const [component, code] of Object.entries(entry.fixed))
        expect(codesOf(sdgStructure, component).has(code), `${id} ${component}`).toBe(true);
    }
    for (const code of Object.values(mapping.sdg.referenceAreas))
      if (!isNone(code)) expect(areas.has(code), code).toBe(true);
    for (const dimension of dimensionNames) {
      const target = mapping.sdg.dimensions[dimension];
      if (target.dsd === null) continue;
      const kept = codesOf(sdgStructure, target.dsd);
      for (const code of Object.values(target.codes))
        if (!isNone(code)) expect(kept.has(code), `${dimension} ${code}`).toBe(true);
    }
  });

  it("says for every catalog code its SDG code or why there is none", () => {
    for (const dimension of catalog.dimensions) {
      const target = mapping.sdg.dimensions[dimension.id];
      if (target.dsd === null) {
        expect(target.none.length, dimension.id).toBeGreaterThan(20);
        continue;
      }
      expect(Object.keys(target.codes).sort(), dimension.id).toEqual(
        dimension.codes.map((c) => c.code).sort(),
      );
    }
    const geography = catalog.dimensions.find((d) => d.id === "geography");
    expect(Object.keys(mapping.sdg.referenceAreas).sort()).toEqual(
      geography?.codes.map((c) => c.code).sort(),
    );
  });

  it("breaks each SDG series down only by what the indicator allows, the DSD has and its constraint permits", () => {
    for (const [id, entry] of Object.entries(mapping.sdg.indicators)) {
      const indicator = indicators.get(id);
      expect(constraints.has(entry.series), `${entry.series} constraint`).toBe(true);
      expect(constraints.get(entry.series)?.UNIT_MEASURE, id).toBe(entry.unitMeasure);
      for (const dimension of entry.carries) {
        expect(indicator?.disaggregations[dimension], `${id} ${dimension}`).toBeDefined();
        const target = mapping.sdg.dimensions[dimension];
        expect(target.dsd, `${id} ${dimension}`).not.toBeNull();
        if (target.dsd === null) continue;
        expect(Object.keys(entry.fixed), id).not.toContain(target.dsd);
        for (const ours of indicator?.disaggregations[dimension] ?? []) {
          const code = target.codes[ours];
          if (code !== undefined && !isNone(code))
            expect(allows(entry.series, target.dsd, code), `${id} ${target.dsd}=${code}`).toBe(
              true,
            );
        }
      }
      for (const [component, code] of Object.entries(entry.fixed))
        expect(allows(entry.series, component, code), `${id} ${component}=${code}`).toBe(true);
      for (const column of ["SEX", "AGE", "COMPOSITE_BREAKDOWN"]) {
        const carried = entry.carries.some((d) => mapping.sdg.dimensions[d].dsd === column);
        if (!carried && entry.fixed[column] === undefined)
          expect(allows(entry.series, column, "_T"), `${id} ${column}=_T`).toBe(true);
      }
      if (entry.seriesBy)
        expect(indicator?.disaggregations[entry.seriesBy.dimension], id).toBeDefined();
      if (entry.refAreaFrom)
        expect(indicator?.disaggregations[entry.refAreaFrom], id).toBeDefined();
    }
  });

  it("gives every catalog code a code of the national dataflow's codelists", () => {
    for (const dimension of catalog.dimensions) {
      const { dsd, codes } = mapping.national.dimensions[dimension.id];
      const kept = codesOf(nationalStructure, dsd);
      for (const { code } of dimension.codes)
        expect(kept.has(codes?.[code] ?? code), `${dimension.id} ${code}`).toBe(true);
      expect(kept.has("_T"), dsd).toBe(true);
    }
    const units = codesOf(nationalStructure, "UNIT_MEASURE");
    for (const indicator of catalog.indicators) expect(units.has(indicator.unit)).toBe(true);
    expect(codesOf(nationalStructure, "REF_AREA").has(mapping.national.refArea)).toBe(true);
  });

  it("keeps the national codelists in step with the catalog (npm run gcm -- sdmx --write-codelists)", () => {
    const made = nationalCodelists(catalog, mapping, nationalStructure).codelists;
    for (const list of made) {
      const kept = codelists.get(`${list.agency}:${list.id}(${list.version})`);
      expect(
        kept?.codes.map((c) => c.id),
        list.id,
      ).toEqual(list.codes.map((c) => c.id));
    }
    expect(codesOf(nationalStructure, "INDICATOR")).toEqual(
      new Set(catalog.indicators.map((i) => i.id)),
    );
  });

  it("writes every observation status but the demo's, and every periodicity, with kept codes", () => {
    const statuses = codesOf(sdgStructure, "OBS_STATUS");
    for (const status of obsStatuses) {
      const code = mapping.obsStatus[status];
      if (status === "illustrative") expect(isNone(code)).toBe(true);
      else expect(typeof code === "string" && statuses.has(code), status).toBe(true);
    }
    expect(statuses.has(mapping.obsStatus.missingValue)).toBe(true);
    const frequencies = codesOf(sdgStructure, "FREQ");
    for (const code of Object.values(mapping.frequencies)) expect(frequencies.has(code)).toBe(true);
    expect(codesOf(sdgStructure, "UNIT_MULT").has(mapping.unitMult)).toBe(true);
  });

  it("keeps each SDG codelist with the version the DSD names, and only codes the source had", () => {
    for (const component of [...sdgStructure.dimensions, ...sdgStructure.attributes]) {
      if (component.codelist === null) continue;
      const list = codelists.get(component.codelist);
      if (!list) continue; // Attributes never written (NATURE, GEO_INFO_TYPE) are not kept.
      expect(list.codes.length).toBeLessThanOrEqual(list.codesInSource);
      if (list.complete) expect(list.codes).toHaveLength(list.codesInSource);
    }
    expect(sdgStructure.source.sha256).toBe(
      "cc1d3b3d036fa12b77906701c6b08228356379cc694840e55b1d2aa87800a451",
    );
  });
});
