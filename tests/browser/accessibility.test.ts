import { describe, expect, it } from "vitest";
import { axeViolations } from "../helpers/axe";
import { browserSessionPerFile } from "../helpers/browser-session";

const session = browserSessionPerFile();

/** Every route of the app, in both languages. */
const routes = [
  "",
  "/catalog?q=trata",
  "/themes/theme-3",
  "/groups/disabled-migrants",
  "/objectives/13",
  "/commitments/children-alternatives-to-detention",
  "/report",
  "/indicators/reintegration-rate?breakdown=sex",
  "/indicators/missing-migrants-national-registry",
  "/data",
  "/donors",
  "/approve",
  "/releases",
  // The demo on: its banner and switch, a group read through its own breakdown, the brief.
  "?demo=1",
  "/groups/migrant-children?demo=1",
  "/brief?group=migrant-children&demo=1",
  "/donors?demo=1",
  // The Data page over the demo's data: the plausibility rules' statuses over accepted data.
  "/data?demo=1",
  // The embed view other sites frame, with real data and with the demo's ILLUSTRATIVE label.
  "/embed/indicators/remittance-cost-usd200",
  "/embed/indicators/children-in-detention?demo=1",
];

describe("accessibility: axe-core (WCAG 2.1 A and AA rules) on every route", () => {
  it.each(routes.flatMap((route) => ["es", "en"].map((lang) => `/${lang}${route}`)))(
    "%s has no violations",
    async (path) => {
      const { page, url } = session();
      await page.goto(`${url}${path}`);
      await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
      await page.waitForLoadState("networkidle");
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
    },
  );
});
