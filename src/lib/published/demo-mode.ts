/**
 * The illustrative demo dataset is off unless the URL asks for it (`?demo=1`), so what a
 * minister or donor sees by default is real. The data engine reads this once, when the page
 * opens: turning the demo on or off reloads the page with the parameter set or removed.
 */
export const demoParam = "demo";

export function demoRequested(search: string): boolean {
  return new URLSearchParams(search).get(demoParam) === "1";
}

/** Whether this page opened with the demo on (false outside a browser). */
export const demoOn: boolean =
  typeof globalThis.location !== "undefined" && demoRequested(globalThis.location.search);

/** The same query string with the demo parameter set or removed, other parameters kept in order. */
export function withDemo(search: string, on: boolean): string {
  const params = new URLSearchParams(search);
  if (on) params.set(demoParam, "1");
  else params.delete(demoParam);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Where the build puts the demo files, beside the real data. */
export const demoDataDir = "data/demo";
