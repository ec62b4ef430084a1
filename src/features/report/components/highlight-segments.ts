export interface Segment {
  /** Offset of the run in the report, a stable key. */
  start: number;
  text: string;
  /** Commitments quoting this stretch of text; empty for plain text. */
  commitments: string[];
}

/**
 * Cuts the report into runs of text, each run marked with the commitments whose quote covers it.
 * Overlapping quotes give runs with several commitments.
 */
export function highlightSegments(
  text: string,
  spans: readonly { id: string; start: number; end: number }[],
): Segment[] {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const segments: Segment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i] ?? 0;
    const end = cuts[i + 1] ?? text.length;
    if (end <= start) continue;
    const commitments = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    const previous = segments.at(-1);
    if (previous && previous.commitments.join() === commitments.join())
      previous.text += text.slice(start, end);
    else segments.push({ start, text: text.slice(start, end), commitments });
  }
  return segments;
}
