/** A paragraph (or a priority bullet) of the report, with where it sits. */
export interface ReportUnit {
  /** Position in the report text, so quotes can be matched by overlap. */
  start: number;
  end: number;
  text: string;
  /** `I`, `II.1` … `III.6`, `IV`, `V`, `V.migrant-children` …, or `annex` after the body. */
  section: string;
  /** Headings and titles are short lines; everything else is body text. */
  kind: "heading" | "body";
}

/** Where each section starts, by the heading that opens it (the report's own typos included). */
const sectionMarkers: readonly [prefix: string, section: string][] = [
  ["CONCEPTUALIZATION OF ESSENTIAL TERMS", "II"],
  ["1. Orderly Migration", "II.1"],
  ["2. Regular Migration", "II.2"],
  ["3. Safe Migration", "II.3"],
  ["4. Responsible Migration", "II.4"],
  ["RESULTS OF THE THEMATIC DISCUSSIONS", "III"],
  ["THEME 1", "III.1"],
  ["HEME :", "III.2"],
  ["INTERNATIONAL COOPERATION AND MIGRATION GOVERNANCE", "III.3"],
  ["CONTRIBUTIONS OF MIGRANTS AND DIASPORA", "III.4"],
  ["MIGRANT SMUGGLING AND TRAFFICKING", "III.5"],
  ["THE EFFECTS OF IRREGULAR MIGRATION", "III.6"],
  ["WHAT ARE HONDURAS' PRIORITIES", "IV"],
  ["CIVIL SOCIETY CONSULTATION", "V"],
  ["» Disabled Migrants", "V.disabled-migrants"],
  ["» Migrant Children", "V.migrant-children"],
  ["» Migrant Women", "V.women-lgbti-vulnerable"],
  ["» Missing Migrants", "V.missing-migrants"],
  ["WITH THE SUPPORT OF", "annex"],
];

/** Body paragraphs of the report are all longer than this; headings are shorter. */
const headingMaxLength = 150;

function* blocks(text: string): Generator<{ start: number; end: number }> {
  const separator = /\n[ \t]*\n/g;
  let start = 0;
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    yield { start, end: match.index };
    start = match.index + match[0].length;
  }
  yield { start, end: text.length };
}

/** Priorities are one block of bullets; each bullet is its own unit. */
function* bullets(
  text: string,
  block: { start: number; end: number },
): Generator<{ start: number; end: number }> {
  const body = text.slice(block.start, block.end);
  const starts = [...body.matchAll(/^- /gm)].map((m) => m.index ?? 0);
  if (starts.length === 0) {
    yield block;
    return;
  }
  for (const [i, offset] of starts.entries()) {
    const next = starts[i + 1] ?? body.length;
    yield {
      start: block.start + offset,
      end: block.start + next - (starts[i + 1] === undefined ? 0 : 1),
    };
  }
}

/** Splits the report into paragraphs (and priority bullets) tagged with their section. */
export function reportUnits(text: string): ReportUnit[] {
  const units: ReportUnit[] = [];
  let section = "I";
  for (const block of blocks(text)) {
    const raw = text.slice(block.start, block.end);
    const trimmed = raw.trim();
    if (trimmed === "") continue;
    const marker = sectionMarkers.find(([prefix]) => trimmed.startsWith(prefix));
    if (marker) section = marker[1];
    for (const unit of section === "IV" ? bullets(text, block) : [block]) {
      const unitText = text.slice(unit.start, unit.end).trim();
      if (unitText === "") continue;
      units.push({
        start: unit.start,
        end: unit.end,
        text: unitText,
        section,
        kind: unitText.length < headingMaxLength && !unitText.startsWith("- ") ? "heading" : "body",
      });
    }
  }
  return units;
}

/** Sections II–V: the ones every commitment comes from. */
export function isCommitmentSection(section: string): boolean {
  return /^(II|III|IV|V)(\.|$)/.test(section);
}

export interface QuoteSpan {
  id: string;
  start: number;
  end: number;
}

/** Where each quote sits in the report (first occurrence); quotes not found are left out. */
export function locateQuotes(
  text: string,
  quotes: readonly { id: string; quote: string }[],
): QuoteSpan[] {
  return quotes.flatMap(({ id, quote }) => {
    const start = text.indexOf(quote);
    return start < 0 ? [] : [{ id, start, end: start + quote.length }];
  });
}

export function overlaps(
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean {
  return a.start < b.end && b.start < a.end;
}
