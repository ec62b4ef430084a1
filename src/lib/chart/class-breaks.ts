/**
 * Class breaks for a choropleth: quantiles of the values shown, so each colour holds about as
 * many departments (with 18 departments, 5 classes of 3–4 each), rounded to two significant
 * digits so the legend reads cleanly. Fewer distinct values give fewer classes.
 */
export function quantileBreaks(values: readonly number[], classes = 5): number[] {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  if (first === last) return [first, last];
  const inner: number[] = [];
  for (let k = 1; k < classes; k++) {
    const position = (k * (sorted.length - 1)) / classes;
    const low = sorted[Math.floor(position)] ?? first;
    const high = sorted[Math.ceil(position)] ?? last;
    inner.push(round2(low + (high - low) * (position - Math.floor(position))));
  }
  return [...new Set([first, ...inner.filter((b) => b > first && b < last), last])];
}

/** Two significant digits: 12,345,678 → 12,000,000; 0.0345 → 0.035. */
function round2(x: number): number {
  if (x === 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  return Math.round(x / scale) * scale;
}

/** The class of a value: 0 for [b0, b1), …, the last class includes its upper break. */
export function classOf(value: number, breaks: readonly number[]): number {
  const classes = breaks.length - 1;
  for (let k = 1; k < classes; k++)
    if (value < (breaks[k] ?? Number.POSITIVE_INFINITY)) return k - 1;
  return Math.max(0, classes - 1);
}
