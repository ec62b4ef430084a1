import { z } from "zod";
import { dimensionName, periodicity } from "../catalog/schema";

/** An SDMX identifier (IDType of SDMX 2.1): letters, digits, `_`, `@`, `$`, `-`. */
export const sdmxId = z.string().regex(/^[A-Za-z0-9_@$-]+$/, "not an SDMX identifier");

/** Where a mapping says, in words, that a code or dimension has no SDMX equivalent. */
const none = z.strictObject({ none: z.string().min(1) });
export type NoEquivalent = z.infer<typeof none>;

/** A code's SDMX equivalent, or why it has none. */
const target = z.union([sdmxId, none]);
export type CodeTarget = z.infer<typeof target>;

export const artefactRef = z.strictObject({
  agency: sdmxId,
  id: sdmxId,
  version: z.string().regex(/^\d+(\.\d+)*$/),
});
export type ArtefactRef = z.infer<typeof artefactRef>;

const sdgDimension = z.union([
  z.strictObject({ dsd: sdmxId, codes: z.record(z.string(), target) }),
  z.strictObject({ dsd: z.null(), none: z.string().min(1) }),
]);

const sdgIndicator = z.strictObject({
  series: sdmxId,
  unitMeasure: sdmxId,
  /** Our dimensions this series is broken down by in the SDG DSD; rows by any other stay national. */
  carries: z.array(dimensionName),
  /** DSD dimensions every row of this indicator holds at one code (e.g. AGE Y_GE15). */
  fixed: z.record(sdmxId, sdmxId),
  /** One of our dimensions the SDG list splits into series of their own. */
  seriesBy: z
    .strictObject({ dimension: dimensionName, codes: z.record(z.string(), target) })
    .optional(),
  /** The indicator's figures are another country's own: that country is the reference area. */
  refAreaFrom: z.literal("geography").optional(),
  note: z.string().optional(),
});
export type SdgIndicatorMapping = z.infer<typeof sdgIndicator>;

const nationalDimension = z.strictObject({
  dsd: sdmxId,
  /** Our code → the national dataflow's code; without it, the code is our own code. */
  codes: z.record(z.string(), sdmxId).optional(),
});

const obsStatusMap = z.strictObject({
  normal: sdmxId,
  provisional: sdmxId,
  estimated: sdmxId,
  censored: sdmxId,
  /** A blank value whose status says nothing more (published as missing, never as zero). */
  missingValue: sdmxId,
  illustrative: none,
});

export const sdmxMapping = z.strictObject({
  $comment: z.string().optional(),
  obsStatus: obsStatusMap,
  frequencies: z.record(periodicity, sdmxId),
  unitMult: z.literal("0"),
  sdg: z.strictObject({
    dataflow: artefactRef,
    /** Other dataflows of the same structure the intake reads too. */
    alsoReads: z.array(sdmxId),
    structure: artefactRef,
    refArea: sdmxId,
    reportingType: sdmxId,
    dimensions: z.record(dimensionName, sdgDimension),
    /** Partner countries (ISO 3166 alpha-3, our `geography` codes) as CL_AREA codes. */
    referenceAreas: z.record(z.string(), target),
    indicators: z.record(z.string(), sdgIndicator),
    /** Indicators that follow an SDG indicator exactly but are exported nationally, and why. */
    nationalOnly: z.record(z.string(), z.string().min(1)),
  }),
  national: z.strictObject({
    dataflow: artefactRef,
    structure: artefactRef,
    refArea: sdmxId,
    dimensions: z.record(dimensionName, nationalDimension),
  }),
});
export type SdmxMapping = z.infer<typeof sdmxMapping>;

const component = z.strictObject({ id: sdmxId, codelist: z.string().nullable() });

/** The components of a data structure, in the order SDMX-CSV writes them. */
export const dataStructure = z.strictObject({
  agency: sdmxId,
  id: sdmxId,
  version: z.string(),
  name: z.record(z.string(), z.string()),
  source: z.record(z.string(), z.union([z.string(), z.number()])),
  dimensions: z.array(component).min(1),
  measure: z.literal("OBS_VALUE"),
  attributes: z.array(component.extend({ assignment: z.enum(["Mandatory", "Conditional"]) })),
});
export type DataStructure = z.infer<typeof dataStructure>;

export const codelist = z.strictObject({
  agency: sdmxId,
  id: sdmxId,
  version: z.string(),
  name: z.record(z.string(), z.string()),
  /** False: only the codes this project uses are kept; `codesInSource` says how many there are. */
  complete: z.boolean(),
  codesInSource: z.number().int().positive(),
  codes: z.array(z.strictObject({ id: sdmxId, name: z.record(z.string(), z.string()) })).min(1),
});
export type Codelist = z.infer<typeof codelist>;

export const codelistFile = z.strictObject({
  source: z.record(z.string(), z.union([z.string(), z.number()])),
  codelists: z.array(codelist).min(1),
});
export type CodelistFile = z.infer<typeof codelistFile>;

/** `AGENCY:ID(VERSION)`, as SDMX-CSV and the structures write a reference. */
export function refText(ref: ArtefactRef): string {
  return `${ref.agency}:${ref.id}(${ref.version})`;
}

export function parseRef(text: string): ArtefactRef | null {
  const match = /^([A-Za-z0-9_@$.-]+):([A-Za-z0-9_@$-]+)\(([0-9.]+)\)$/.exec(text.trim());
  if (!match) return null;
  return { agency: match[1] ?? "", id: match[2] ?? "", version: match[3] ?? "" };
}

export const isNone = (value: CodeTarget | undefined): value is NoEquivalent =>
  typeof value === "object";
