import type { Catalog, DimensionName, Indicator } from "../catalog/schema";
import { dimensionNames } from "../catalog/schema";
import type { Finding, FindingCode } from "../intake/findings";
import type { DecimalSeparator } from "../intake/number-format";
import { parseNumber } from "../intake/parse-number";
import type { ObservationColumn } from "../observations/columns";
import type { DataSource } from "../observations/data-sources";
import type { SdmxArtefacts } from "./kept-artefacts";
import { nationalCode } from "./national-codelists";
import { numberText } from "./observation-attributes";
import { type CodeTarget, isNone, type SdgIndicatorMapping } from "./schema";
import { shiftDecimal } from "./shift-decimal";
import { sourceFromDetail, unneutralise } from "./source-detail";

/** The columns an SDMX row becomes, in the tidy shape the usual validation reads. */
export const tidyColumns = [
  "indicator_id",
  "period",
  "value",
  ...dimensionNames,
  "obs_status",
  "source",
  "note",
] as const satisfies readonly ObservationColumn[];
export type TidyColumn = (typeof tidyColumns)[number];
export type TidyRecord = Record<TidyColumn, string>;

/** One row's cells by component id: codes without their labels, blank when absent. */
export interface SdmxCells {
  row: number;
  code(id: string): string;
  text(id: string): string;
}

export type RowReading = { record: TidyRecord } | { errors: Finding[] };

/** Components whose codes the tidy shape keeps; the others are reported as ignored when filled. */
export const readAttributes = [
  "UNIT_MEASURE",
  "UNIT_MULT",
  "OBS_STATUS",
  "COMMENT_OBS",
  "SOURCE_DETAIL",
];

const mapped = (codes: Record<string, CodeTarget>) =>
  Object.entries(codes).flatMap(([ours, theirs]) =>
    isNone(theirs) ? [] : [[theirs, ours] as const],
  );

const listed = (codes: Iterable<string>) => [...new Set(codes)].join(", ");

/**
 * Reads SDMX rows of the SDG and national dataflows back into our indicators and codes through
 * the mapping that wrote them. Every code the mapping does not know is an error naming the row
 * and the column; what it knows becomes a tidy record for the usual checks.
 */
export function createSdmxRowReader(
  file: string,
  catalog: Catalog,
  artefacts: SdmxArtefacts,
  sources: readonly DataSource[],
  decimal: DecimalSeparator,
) {
  const { mapping, sdgStructure } = artefacts;
  const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
  const sdgCodes = new Map<DimensionName, Map<string, string>>();
  for (const dimension of dimensionNames) {
    const target = mapping.sdg.dimensions[dimension];
    if (target.dsd !== null) sdgCodes.set(dimension, new Map(mapped(target.codes)));
  }
  const nationalCodes = new Map<DimensionName, Map<string, string>>(
    catalog.dimensions.map((d) => [
      d.id,
      new Map(d.codes.map((c) => [nationalCode(mapping, d.id, c.code), c.code] as const)),
    ]),
  );
  const areas = new Map(mapped(mapping.sdg.referenceAreas));
  const statuses = new Map<string, { status: string; blank: boolean }>([
    [mapping.obsStatus.normal, { status: "normal", blank: false }],
    [mapping.obsStatus.provisional, { status: "provisional", blank: false }],
    [mapping.obsStatus.estimated, { status: "estimated", blank: false }],
    [mapping.obsStatus.censored, { status: "censored", blank: true }],
    [mapping.obsStatus.missingValue, { status: "normal", blank: true }],
  ]);
  const unitMults = new Set(
    [...artefacts.codelists.values()].find((c) => c.id === "CL_UNIT_MULT")?.codes.map((c) => c.id),
  );
  const sdgEntries = Object.entries(mapping.sdg.indicators);
  const otherSdgDimensions = sdgStructure.dimensions
    .map((d) => d.id)
    .filter((id) => !["FREQ", "REPORTING_TYPE", "SERIES", "REF_AREA", "TIME_PERIOD"].includes(id));

  const start = (cells: SdmxCells) => {
    const errors: Finding[] = [];
    const fail = (
      column: string,
      code: FindingCode,
      detail?: Record<string, string>,
      value = cells.code(column),
    ) =>
      errors.push({
        severity: "error",
        code,
        file,
        row: cells.row,
        column,
        value,
        ...(detail ? { detail } : {}),
      });
    /** A component every row of this indicator holds at one code (a blank cell is that code). */
    const expect = (column: string, code: string) => {
      const found = cells.code(column);
      if (found !== "" && found !== code) fail(column, "sdmx_unmapped_code", { expected: code });
    };
    return { errors, fail, expect };
  };

  /** Value, status, note and source: the attributes both dataflows share. */
  function observationPart(
    cells: SdmxCells,
    check: ReturnType<typeof start>,
    unitMeasure: string,
  ): Pick<TidyRecord, "value" | "obs_status" | "source" | "note"> {
    const unit = cells.code("UNIT_MEASURE");
    if (unit !== "" && unit !== unitMeasure)
      check.fail("UNIT_MEASURE", "unit_mismatch", { expected: unitMeasure });
    const mult = cells.code("UNIT_MULT") || "0";
    if (!unitMults.has(mult))
      check.fail("UNIT_MULT", "sdmx_unmapped_code", { expected: "-15 … 15" });
    const statusCode = cells.code("OBS_STATUS");
    const status =
      statusCode === "" ? { status: "normal", blank: false } : statuses.get(statusCode);
    if (!status)
      check.fail("OBS_STATUS", "sdmx_unmapped_code", { expected: listed(statuses.keys()) });
    const raw = cells.text("OBS_VALUE");
    if (status?.blank && raw !== "")
      check.fail("OBS_VALUE", "sdmx_status_with_value", { status: statusCode }, raw);
    const number = parseNumber(raw, decimal);
    const value =
      number.kind === "number" && unitMults.has(mult)
        ? shiftDecimal(numberText(number.value), Number(mult))
        : raw;
    return {
      value,
      obs_status: status?.status ?? "normal",
      source: sourceFromDetail(cells.text("SOURCE_DETAIL"), sources),
      note: unneutralise(cells.text("COMMENT_OBS")),
    };
  }

  function record(
    indicator: Indicator,
    cells: SdmxCells,
    dimensions: Partial<Record<DimensionName, string>>,
    rest: Pick<TidyRecord, "value" | "obs_status" | "source" | "note">,
  ): TidyRecord {
    return {
      indicator_id: indicator.id,
      period: cells.text("TIME_PERIOD"),
      ...Object.fromEntries(dimensionNames.map((d) => [d, dimensions[d] ?? ""])),
      ...rest,
    } as TidyRecord;
  }

  function sdgEntryFor(
    cells: SdmxCells,
    check: ReturnType<typeof start>,
  ): [Indicator, SdgIndicatorMapping] | null {
    const series = cells.code("SERIES");
    const bySeries = sdgEntries.filter(
      ([, e]) => e.series === series || Object.values(e.seriesBy?.codes ?? {}).includes(series),
    );
    if (bySeries.length === 0) {
      check.fail("SERIES", "sdmx_unknown_series");
      return null;
    }
    const matching = bySeries.filter(([, e]) =>
      Object.entries(e.fixed).every(([column, code]) => cells.code(column) === code),
    );
    const [only] = matching;
    if (matching.length !== 1 || !only) {
      const columns = [...new Set(bySeries.flatMap(([, e]) => Object.keys(e.fixed)))];
      const column = columns[0] ?? "SERIES";
      check.fail(column, matching.length > 1 ? "sdmx_unknown_series" : "sdmx_unmapped_code", {
        expected: listed(bySeries.flatMap(([, e]) => (e.fixed[column] ? [e.fixed[column]] : []))),
      });
      return null;
    }
    const indicator = indicators.get(only[0]);
    if (!indicator) {
      check.fail("SERIES", "sdmx_unknown_series");
      return null;
    }
    return [indicator, only[1]];
  }

  function readSdg(cells: SdmxCells): RowReading {
    const check = start(cells);
    const found = sdgEntryFor(cells, check);
    if (!found) return { errors: check.errors };
    const [indicator, entry] = found;
    const dimensions: Partial<Record<DimensionName, string>> = {};
    const series = cells.code("SERIES");
    if (entry.seriesBy && series !== entry.series) {
      const ours = mapped(entry.seriesBy.codes).find(([theirs]) => theirs === series)?.[1];
      if (ours) dimensions[entry.seriesBy.dimension] = ours;
    }
    check.expect("FREQ", mapping.frequencies[indicator.periodicity]);
    check.expect("REPORTING_TYPE", mapping.sdg.reportingType);
    const area = cells.code("REF_AREA");
    if (entry.refAreaFrom) {
      const ours = areas.get(area);
      if (ours) dimensions[entry.refAreaFrom] = ours;
      else check.fail("REF_AREA", "sdmx_unmapped_code", { expected: listed(areas.keys()) });
    } else check.expect("REF_AREA", mapping.sdg.refArea);
    for (const column of otherSdgDimensions) {
      const fixed = entry.fixed[column];
      if (fixed !== undefined) continue;
      const code = cells.code(column) || "_T";
      const carried = entry.carries.find((d) => mapping.sdg.dimensions[d].dsd === column);
      const codes = carried ? sdgCodes.get(carried) : undefined;
      if (code === "_T") continue;
      const ours = codes?.get(code);
      if (carried && ours) dimensions[carried] = ours;
      else
        check.fail(column, "sdmx_unmapped_code", {
          expected: listed(["_T", ...(codes?.keys() ?? [])]),
        });
    }
    const rest = observationPart(cells, check, entry.unitMeasure);
    return check.errors.length > 0
      ? { errors: check.errors }
      : { record: record(indicator, cells, dimensions, rest) };
  }

  function readNational(cells: SdmxCells): RowReading {
    const check = start(cells);
    const indicator = indicators.get(cells.code("INDICATOR"));
    if (!indicator) {
      check.fail("INDICATOR", "sdmx_unknown_series");
      return { errors: check.errors };
    }
    check.expect("FREQ", mapping.frequencies[indicator.periodicity]);
    check.expect("REF_AREA", mapping.national.refArea);
    const dimensions: Partial<Record<DimensionName, string>> = {};
    for (const dimension of dimensionNames) {
      const column = mapping.national.dimensions[dimension].dsd;
      const code = cells.code(column) || "_T";
      if (code === "_T") continue;
      const codes = nationalCodes.get(dimension);
      const ours = codes?.get(code);
      if (ours) dimensions[dimension] = ours;
      else
        check.fail(column, "sdmx_unmapped_code", {
          expected: listed(["_T", ...(codes?.keys() ?? [])]),
        });
    }
    const rest = observationPart(cells, check, indicator.unit);
    return check.errors.length > 0
      ? { errors: check.errors }
      : { record: record(indicator, cells, dimensions, rest) };
  }

  return { readSdg, readNational };
}
