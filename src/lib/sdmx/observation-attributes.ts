import type { Observation } from "../observations/columns";
import type { SdmxMapping } from "./schema";

/** What an SDMX row is made from: an observation in the tidy shape, without its file position. */
export type ExportObservation = Pick<
  Observation,
  "indicator_id" | "period" | "value" | "dimensions" | "obs_status" | "source" | "note"
>;

/**
 * OBS_VALUE and OBS_STATUS of an observation. A censored value (UNODC's `<5`) has no number: its
 * OBS_VALUE stays empty with status Q (missing value; suppressed) and COMMENT_OBS keeps the bound
 * as the publisher wrote it. A blank value with nothing else said is O (missing value), never 0.
 */
export function valueAndStatus(
  observation: ExportObservation,
  mapping: SdmxMapping,
): { OBS_VALUE: string; OBS_STATUS: string } {
  const status = observation.obs_status;
  if (status === "illustrative") throw new Error("demo rows are never exported");
  if (status === "censored") return { OBS_VALUE: "", OBS_STATUS: mapping.obsStatus.censored };
  if (observation.value === null)
    return {
      OBS_VALUE: "",
      OBS_STATUS: status === "normal" ? mapping.obsStatus.missingValue : mapping.obsStatus[status],
    };
  return { OBS_VALUE: numberText(observation.value), OBS_STATUS: mapping.obsStatus[status] };
}

/** A number as SDMX-CSV writes it: decimal point, no grouping (xs:double; an exponent is valid). */
export function numberText(value: number): string {
  return String(value);
}
