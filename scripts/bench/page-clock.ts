import type { Page } from "playwright-core";

/**
 * The page time (ms since navigation start) at the first animation frame where `selector`
 * matches. Sent as text through the debugging protocol: the app's CSP forbids string evaluation
 * (which `page.waitForFunction` needs), and tsx would add helpers to a function's source that the
 * page does not have.
 */
export async function whenPresent(page: Page, selector: string): Promise<number> {
  const found = await page.evaluate(`new Promise((resolve) => {
    const check = () => {
      if (document.querySelector(${JSON.stringify(selector)})) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    check();
  })`);
  return Number(found);
}

/** A number the page computes, from an expression sent as text (see whenPresent). */
export async function evaluateNumber(page: Page, expression: string): Promise<number> {
  return Number(await page.evaluate(expression));
}
