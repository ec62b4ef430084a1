/**
 * Passes progress on only when it has moved by at least a hundredth (or reached the end): a file
 * read in a thousand parts would otherwise post a thousand messages, each a render of the page.
 */
export function byHundredths(report: (fraction: number) => void): (fraction: number) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (fraction) => {
    if (fraction - last < 0.01 && fraction < 1) return;
    last = fraction;
    report(fraction);
  };
}
