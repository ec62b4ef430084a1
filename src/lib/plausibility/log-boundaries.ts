/**
 * DuckDB's `ln` and JavaScript's `Math.log` differ in the last bit for a few percent of inputs
 * (ln(3) is 1.0986122886681098 in DuckDB-wasm, 1.0986122886681096 in V8). At an exact threshold
 * that decides a finding: 2 → 0 is a ratio (0 + 1) / (2 + 1) whose JavaScript logarithm lies just
 * beyond −ln 3, DuckDB's just on it. Where the JavaScript check compares a logarithm with a fixed
 * threshold, the SQL compares the ratio with the ratios where `Math.log` crosses it instead: the
 * same answer for every input, found here once.
 */

const buffer = new DataView(new ArrayBuffer(8));

/** The next double towards +∞ (for positive finite x). */
function nextUp(x: number): number {
  buffer.setFloat64(0, x);
  buffer.setBigUint64(0, buffer.getBigUint64(0) + 1n);
  return buffer.getFloat64(0);
}

/** The next double towards 0 (for positive finite x). */
function nextDown(x: number): number {
  buffer.setFloat64(0, x);
  buffer.setBigUint64(0, buffer.getBigUint64(0) - 1n);
  return buffer.getFloat64(0);
}

export interface RatioBounds {
  /** The smallest ratio r > 1 with Math.log(r) > Math.log(threshold). */
  above: number;
  /** The largest ratio r < 1 with Math.log(r) < −Math.log(threshold). */
  below: number;
}

/** Where |Math.log(r)| > Math.log(threshold) starts, on each side of 1 (threshold > 1). */
export function ratioBounds(threshold: number): RatioBounds {
  const limit = Math.log(threshold);
  let above = threshold;
  while (!(Math.log(above) > limit)) above = nextUp(above);
  while (Math.log(nextDown(above)) > limit) above = nextDown(above);
  let below = 1 / threshold;
  while (!(Math.log(below) < -limit)) below = nextDown(below);
  while (Math.log(nextUp(below)) < -limit) below = nextUp(below);
  return { above, below };
}
