import { z } from "zod";
import {
  isCommitmentSection,
  locateQuotes,
  overlaps,
  type ReportUnit,
  reportUnits,
} from "./report-structure";
import { type Catalog, localizedText } from "./schema";

/** Body paragraphs deliberately not turned into commitments, each with the reason. */
export const exclusions = z.array(
  z.object({ startsWith: z.string().min(20), reason: localizedText }),
);
export type Exclusions = z.infer<typeof exclusions>;

export interface SectionCoverage {
  section: string;
  paragraphs: number;
  covered: number;
  excluded: number;
  commitments: number;
  indicators: number;
}

export interface Coverage {
  sections: SectionCoverage[];
  /** Body paragraphs of II–V with no commitment quoting them and no stated exclusion. */
  uncovered: ReportUnit[];
  /** Exclusions that match no paragraph (the report or the list changed). */
  staleExclusions: string[];
  /** Commitments whose `section` disagrees with where their quote sits. */
  misplaced: { id: string; declared: string; actual: string }[];
}

/** The base section of a commitment's `section` field, e.g. `V.migrant-children / justice` → `V.migrant-children`. */
export function baseSection(section: string): string {
  return section.split(" / ")[0]?.trim() ?? section;
}

export function reportCoverage(report: string, catalog: Catalog, excluded: Exclusions): Coverage {
  const units = reportUnits(report).filter(
    (u) => u.kind === "body" && isCommitmentSection(u.section),
  );
  const spans = locateQuotes(report, catalog.commitments);
  const isExcluded = (unit: ReportUnit) => excluded.some((e) => unit.text.startsWith(e.startsWith));
  const isCovered = (unit: ReportUnit) => spans.some((span) => overlaps(span, unit));

  const sections = [...new Set(units.map((u) => u.section))].map((section) => {
    const inSection = units.filter((u) => u.section === section);
    const commitments = catalog.commitments.filter((c) => baseSection(c.section) === section);
    const ids = new Set(commitments.map((c) => c.id));
    return {
      section,
      paragraphs: inSection.length,
      covered: inSection.filter(isCovered).length,
      excluded: inSection.filter((u) => !isCovered(u) && isExcluded(u)).length,
      commitments: commitments.length,
      indicators: catalog.indicators.filter((i) => i.commitments.some((c) => ids.has(c))).length,
    };
  });

  const misplaced = spans.flatMap((span) => {
    const unit = units.find((u) => overlaps(span, u));
    const declared = catalog.commitments.find((c) => c.id === span.id)?.section ?? "";
    return unit && baseSection(declared) !== unit.section
      ? [{ id: span.id, declared, actual: unit.section }]
      : [];
  });

  return {
    sections,
    uncovered: units.filter((u) => !isCovered(u) && !isExcluded(u)),
    staleExclusions: excluded
      .filter((e) => !units.some((u) => u.text.startsWith(e.startsWith)))
      .map((e) => e.startsWith),
    misplaced,
  };
}
