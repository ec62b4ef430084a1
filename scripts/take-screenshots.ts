/**
 * Screenshots for notes and reviews, from the production build in Debian Chromium:
 *   npm run build && npx tsx scripts/take-screenshots.ts
 * writes tests/screenshots/{overview-es,overview-en,brief-es-print,map-remittances-es,
 * map-remittances-phone}.png.
 */
import { mkdir } from "node:fs/promises";
import { launchChromium } from "../tests/helpers/chromium";
import { startPreview } from "../tests/helpers/preview-server";

const out = "tests/screenshots";
await mkdir(out, { recursive: true });
const server = await startPreview();
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  for (const lang of ["es", "en"]) {
    await page.goto(`${server.url}/${lang}`);
    await page.waitForSelector("[data-cell]", { timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    await page.screenshot({
      path: `${out}/overview-${lang}.png`,
      fullPage: false,
      clip: { x: 0, y: 0, width: 1280, height: 1800 },
    });
  }
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.goto(`${server.url}/es/brief`);
  await page.waitForSelector("[data-brief]", { timeout: 60_000 });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: `${out}/brief-es-print.png`, fullPage: true });
  await page.emulateMedia({ media: "screen" });
  for (const [width, name] of [
    [1100, "map-remittances-es"],
    [375, "map-remittances-phone"],
  ] as const) {
    await page.setViewportSize({ width, height: 1000 });
    await page.goto(`${server.url}/es/indicators/remittance-inflows-usd`);
    await page.waitForSelector("[data-department-map] .map-chart svg path", {
      state: "attached",
      timeout: 60_000,
    });
    await page.locator("[data-department-map]").screenshot({ path: `${out}/${name}.png` });
  }
  console.log(`wrote ${out}/overview-es.png, overview-en.png, brief-es-print.png and two maps`);
} finally {
  await browser.close();
  await server.close();
}
