import { z } from "zod";
import { type Unit, units } from "../format/units";

/** Text in both interface languages; Spanish is the default. */
export const localizedText = z.object({
  es: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedText>;

const id = z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, "ids are lower-case kebab-case");

/** A fact with the place it comes from. Every number in the catalog carries one. */
export const source = z.object({
  label: z.string().min(1),
  url: z.string().url().optional(),
});

export const dimensionNames = [
  "sex",
  "age_group",
  "population_group",
  "migration_status",
  "disability",
  "geography",
  "department",
  "exploitation",
  "case_status",
  "topic",
] as const;
export const dimensionName = z.enum(dimensionNames);
export type DimensionName = z.infer<typeof dimensionName>;

export const dimension = z.object({
  id: dimensionName,
  title: localizedText,
  /** The statistical standard behind the codes, e.g. the Washington Group short set for disability. */
  definition: localizedText.optional(),
  codes: z.array(z.object({ code: z.string().min(1), label: localizedText })).min(1),
});
export type Dimension = z.infer<typeof dimension>;

export const theme = z.object({
  id,
  kind: z.enum(["concept", "theme", "priorities", "population-consultation"]),
  number: z.number().int().positive().optional(),
  title: localizedText,
  section: z.string().min(1),
});
export type Theme = z.infer<typeof theme>;

export const populationGroup = z.object({
  id,
  title: localizedText,
  /**
   * The disaggregations that identify this group in observations, in order of preference: an
   * indicator shows the group through the first one it is broken down by.
   */
  dimensions: z.array(z.object({ name: dimensionName, code: z.string() })).default([]),
});
export type PopulationGroup = z.infer<typeof populationGroup>;

/** Where an objective's title was checked against the official text of A/RES/73/195. */
export const titleSource = z.object({
  /** The page or document the title was compared with, word for word. */
  label: z.string().min(1),
  url: z.string().url().optional(),
  /** false: the official wording could not be found to compare with; the title stays flagged. */
  verified: z.boolean(),
});

export const gcmObjective = z.object({
  number: z.number().int().min(1).max(23),
  title: localizedText,
  titleSources: z.object({ es: titleSource, en: titleSource }).optional(),
});
export type GcmObjective = z.infer<typeof gcmObjective>;

/** Lets an editor find the JSON Schema of a catalog file; not part of the data. */
const schemaPointer = z.string().optional();

export const commitment = z.strictObject({
  id,
  $schema: schemaPointer,
  title: localizedText,
  /** Exact sentence(s) from the report, so the report view can highlight them. */
  quote: z.string().min(20),
  section: z.string().min(1),
  themes: z.array(id).min(1),
  populationGroups: z.array(id),
  gcmObjectives: z.array(z.number().int().min(1).max(23)).min(1),
});
export type Commitment = z.infer<typeof commitment>;

export const unit = z.enum(units);
export type { Unit };

export const direction = z.enum(["higher_is_better", "lower_is_better", "context"]);
export type Direction = z.infer<typeof direction>;

export const periodicity = z.enum(["monthly", "quarterly", "annual"]);

/**
 * How the figure is produced: administrative records a ministry can report each quarter, a
 * survey (annual or rarer), a policy milestone, or an international source it cannot control.
 */
export const collection = z.enum(["administrative", "survey", "milestone", "international"]);
export type Collection = z.infer<typeof collection>;

/** Milestone indicators record a stage, never a made-up number: 0, 1 or 2. */
export const milestoneStages = ["not_started", "in_progress", "adopted"] as const;
export type Periodicity = z.infer<typeof periodicity>;

export const target = z.object({
  value: z.number(),
  /**
   * The year the target is due. Where the source sets none (the GCM), the source label says
   * which horizon is used instead and why.
   */
  year: z.number().int().min(2000).max(2100),
  /** How the latest value must compare with the target for it to count as met. */
  comparison: z.enum(["at_most", "below", "at_least", "above"]),
  /** The document, and its paragraph, that gives the number: never a number of our own. */
  source,
});
export type Target = z.infer<typeof target>;

export const threshold = z.object({
  value: z.number(),
  label: localizedText,
  source,
});

export const indicator = z
  .strictObject({
    id,
    $schema: schemaPointer,
    title: localizedText,
    definition: localizedText,
    unit,
    direction,
    limits: z.object({
      min: z.number().optional(),
      max: z.number().optional(),
      integer: z.boolean(),
    }),
    periodicity,
    collection,
    /** The file or record that would provide the data, so an empty indicator says what to send. */
    provider: localizedText,
    disaggregations: z.partialRecord(dimensionName, z.array(z.string().min(1)).min(1)),
    /**
     * Breakdowns whose parts may count one case more than once (a person convicted for two forms
     * of exploitation), so their sum may exceed the total: never checked against it.
     */
    overlapping: z.array(dimensionName).default([]),
    /** The series a headline figure and status use; empty means the all-totals row. */
    headline: z.partialRecord(dimensionName, z.string().min(1)),
    /**
     * Population groups this indicator counts and nothing else (children in detention are all
     * migrant children): its total is that group's figure, with no breakdown needed.
     */
    universe: z.array(id).default([]),
    baseline: z.object({ period: z.string(), reason: localizedText }).nullable(),
    target: target.nullable(),
    /** Why there is no target, said plainly, when target is null. */
    targetNote: localizedText.optional(),
    thresholds: z.array(threshold).default([]),
    sdg: z
      .object({
        indicator: z.string().regex(/^\d+\.[0-9a-z]+\.\d+$/),
        series: z.array(z.string()),
        /**
         * exact: the indicator follows the SDG indicator's definition (and its UN series, if
         * named). related: a national series that speaks to the SDG indicator without following
         * its definition, so it claims no UN series.
         */
        match: z.enum(["exact", "related"]).default("exact"),
      })
      .nullable(),
    /**
     * The indicator of the Secretary-General's limited set of GCM indicators (A/79/590) this one
     * matches; null until that annex has been read (no alignment is claimed without it).
     */
    gcmIndicator: z.string().nullable().default(null),
    institutions: z.array(z.string().min(1)).min(1),
    rate: z.object({ numerator: localizedText, denominator: localizedText }).optional(),
    commitments: z.array(id).min(1),
    /** Why one indicator can speak for more than five commitments, when it does. */
    commitmentsReason: localizedText.optional(),
    sources: z.array(source).min(1),
  })
  .superRefine((value, ctx) => {
    if (value.target === null && value.targetNote === undefined) {
      ctx.addIssue({
        code: "custom",
        message: "an indicator without a target says why (targetNote)",
      });
    }
    if (value.unit === "percent" && (value.limits.min !== 0 || value.limits.max !== 100)) {
      ctx.addIssue({ code: "custom", message: "a percentage is limited to 0–100" });
    }
    if (value.unit === "count" && (value.limits.min !== 0 || !value.limits.integer)) {
      ctx.addIssue({ code: "custom", message: "a count is a whole number ≥ 0" });
    }
    if (
      value.unit === "milestone" &&
      (value.limits.min !== 0 || value.limits.max !== 2 || !value.limits.integer)
    ) {
      ctx.addIssue({
        code: "custom",
        message: "a milestone is a whole stage 0–2 (not started, in progress, adopted)",
      });
    }
    if (value.unit === "milestone" && value.collection !== "milestone") {
      ctx.addIssue({ code: "custom", message: 'a milestone indicator has collection "milestone"' });
    }
    if (
      value.unit === "yes_no" &&
      (value.limits.min !== 0 || value.limits.max !== 1 || !value.limits.integer)
    ) {
      ctx.addIssue({ code: "custom", message: "a yes/no indicator is 0 or 1" });
    }
    if (value.unit === "rate_per_100k" && value.rate === undefined) {
      ctx.addIssue({ code: "custom", message: "a rate names its numerator and denominator" });
    }
    if (value.unit === "ratio" && (value.limits.min !== 0 || value.limits.integer)) {
      ctx.addIssue({
        code: "custom",
        message: "a ratio is a fraction ≥ 0 (min 0, not whole numbers)",
      });
    }
    if (value.sdg?.match === "related" && value.sdg.series.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: "a national series related to an SDG indicator claims none of its UN series",
      });
    }
    if (value.target !== null && !targetFollowsDirection(value.direction, value.target)) {
      ctx.addIssue({
        code: "custom",
        message: "a target points the way the indicator's direction says is better",
      });
    }
  });

/** A context indicator has no target; otherwise the target must lie on the better side. */
function targetFollowsDirection(direction: Direction, target: Target): boolean {
  if (direction === "context") return false;
  const upwards = target.comparison === "at_least" || target.comparison === "above";
  return upwards === (direction === "higher_is_better");
}
export type Indicator = z.infer<typeof indicator>;

/**
 * A plausibility rule across indicators, one file per rule in `indicators/rules/<id>.json`. The
 * expression is written in the small language of `rule-expression.ts`, e.g.
 * `returnees-in-reintegration <= returnees-received`; `check-rules.ts` checks it against the rest
 * of the catalog (ids, codes, units, periodicities).
 */
export const rule = z.strictObject({
  id,
  $schema: schemaPointer,
  title: localizedText,
  expression: z.string().min(1),
  /** Which figures are compared with each other. */
  matching: z.strictObject({
    /** Only figures of the same period are compared. */
    period: z.literal("same"),
    /**
     * Totals are always compared; each dimension named here is compared code by code too (women
     * with women), each side broken down by that one dimension only. Empty: totals only.
     */
    breakdowns: z.array(dimensionName).default([]),
  }),
  /** Why the relation must hold, said to the officer who sees it broken. */
  reason: localizedText,
  /** Where the relation comes from: the catalog definitions that imply it. */
  basis: z.strictObject({
    definitions: z.array(id).min(1),
    explanation: localizedText,
  }),
});
export type Rule = z.infer<typeof rule>;

export const catalogFiles = z.object({
  themes: z.array(theme).min(1),
  populationGroups: z.array(populationGroup).min(1),
  gcmObjectives: z.array(gcmObjective).length(23),
  dimensions: z.array(dimension),
  commitments: z.array(commitment).min(1),
  indicators: z.array(indicator).min(1),
  rules: z.array(rule).default([]),
});
export type Catalog = z.infer<typeof catalogFiles>;
