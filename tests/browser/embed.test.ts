import { mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { iframeCode } from "../../src/lib/embed/iframe-code";
import { browserSessionPerFile } from "../helpers/browser-session";

const session = browserSessionPerFile();
const artifacts = "tests/artifacts";
const indicatorTable = "section[aria-labelledby=table-heading]";
const embedTable = "main.embed";

async function openPage(path: string): Promise<Page> {
  const page = await session().context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto(`${session().url}${path}`);
  return page;
}

/** Each row of a data table as its cells' text, once the rows are there. */
async function tableRows(frame: Frame, scope: string): Promise<string[][]> {
  const rows = `${scope} .data-table tbody tr`;
  await frame.waitForSelector(rows, { timeout: 60_000 });
  return frame
    .locator(rows)
    .evaluateAll((all) => all.map((row) => [...row.children].map((c) => c.textContent ?? "")));
}

/** A second web site on another origin (`localhost`, not the app's `127.0.0.1`): one page. */
async function startHostSite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The indicator page's own table and iframe code, read once, to compare the embed with. */
let indicatorPage: Promise<{ rows: string[][]; code: string }> | undefined;
function indicatorPageFacts(): Promise<{ rows: string[][]; code: string }> {
  indicatorPage ??= (async () => {
    const page = await openPage("/es/indicators/remittance-cost-usd200");
    const rows = await tableRows(page.mainFrame(), indicatorTable);
    const code = await page.getByLabel("Código HTML para insertar (iframe)").inputValue();
    await page.close();
    return { rows, code };
  })();
  return indicatorPage;
}

const hosts: { close: () => Promise<void> }[] = [];
beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
});
afterAll(async () => {
  for (const host of hosts) await host.close();
});

describe("embed view of one indicator", () => {
  it("the indicator page offers the iframe code, and copies it", async () => {
    const { url, context } = session();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
    const page = await openPage("/es/indicators/remittance-cost-usd200");
    expect(await tableRows(page.mainFrame(), indicatorTable)).toHaveLength(35);
    const field = page.getByLabel("Código HTML para insertar (iframe)");
    expect(await field.getAttribute("readonly")).not.toBeNull();
    const copiedCode = await field.inputValue();
    expect(copiedCode).toBe(
      iframeCode({
        origin: url,
        language: "es",
        indicatorId: "remittance-cost-usd200",
        title: "Costo de enviar USD 200 a Honduras",
        width: 640,
        height: 760,
      }),
    );
    expect(copiedCode).toBe(
      `<iframe src="${url}/es/embed/indicators/remittance-cost-usd200" title="Costo de enviar USD 200 a Honduras" width="640" height="760" loading="lazy"></iframe>`,
    );
    await page.getByRole("button", { name: "Copiar el código" }).click();
    await page.waitForSelector('[data-copy-outcome="copied"]');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(copiedCode);
    // English labels on the English page.
    await page.goto(`${url}/en/indicators/remittance-cost-usd200`);
    await page.getByRole("button", { name: "Copy the code" }).waitFor();
    expect(await page.getByLabel("HTML code to embed (iframe)").inputValue()).toContain(
      `${url}/en/embed/indicators/remittance-cost-usd200`,
    );
    await page.close();
  });

  it("selects the code for Ctrl+C where the Clipboard API is missing", async () => {
    const page = await session().context.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    });
    await page.goto(`${session().url}/es/indicators/remittance-cost-usd200`);
    await page.getByRole("button", { name: "Copiar el código" }).click();
    await page.waitForSelector('[data-copy-outcome="selectedToCopy"]');
    expect(await page.locator("[data-copy-outcome]").textContent()).toContain("Ctrl+C");
    const selection = await page.evaluate(() => {
      const field = document.activeElement as HTMLTextAreaElement;
      return {
        copyField: field.hasAttribute("data-iframe-code"),
        whole: field.selectionStart === 0 && field.selectionEnd === field.value.length,
      };
    });
    expect(selection).toEqual({ copyField: true, whole: true });
    await page.close();
  });

  it("shows title, status and method, latest period, chart, the page's table and source, without the app's chrome", async () => {
    const page = await openPage("/es/embed/indicators/remittance-cost-usd200");
    const { rows } = await indicatorPageFacts();
    expect(await tableRows(page.mainFrame(), embedTable)).toEqual(rows);
    await page.waitForSelector('[data-engine="ready"]');
    await page.waitForSelector(".trend-chart svg path", { state: "attached" });
    expect(await page.textContent("h1")).toBe("Costo de enviar USD 200 a Honduras");
    for (const chrome of [
      "header",
      "nav",
      "[data-demo-switch]",
      "[data-demo-banner]",
      ".engine-status",
    ])
      expect(await page.locator(chrome).count(), chrome).toBe(0);
    expect(await page.locator("main.embed [data-status]").count()).toBe(1);
    expect(await page.locator(".embed__method").textContent()).toContain(
      "Método: Estadísticas Canadá",
    );
    expect(await page.locator("[data-latest-period]").getAttribute("data-latest-period")).toBe(
      "2020-Q3",
    );
    expect(await page.locator(".embed__latest").textContent()).toContain("T3 2020");
    expect(await page.locator("main.embed [data-stale]").count()).toBe(1);
    const source = page.locator("main.embed .source-line");
    expect(await source.getAttribute("data-provenance")).toBe("dataset");
    expect(await source.textContent()).toContain("Banco Mundial");
    expect(await page.locator("[data-embed-illustrative]").count()).toBe(0);
    const back = page.getByRole("link", { name: /Ver el indicador completo/ });
    expect(await back.getAttribute("href")).toBe("/es/indicators/remittance-cost-usd200");
    expect(await back.getAttribute("target")).toBe("_blank");
    await page.screenshot({ path: `${artifacts}/embed-es.png`, fullPage: true });
    await page.close();
  });

  it("says ILLUSTRATIVE with the demo, whose table is the demo page's own", async () => {
    const full = await openPage("/en/indicators/children-in-detention?demo=1");
    const demoPageRows = await tableRows(full.mainFrame(), indicatorTable);
    await full.close();
    const page = await openPage("/en/embed/indicators/children-in-detention?demo=1");
    expect(await tableRows(page.mainFrame(), embedTable)).toEqual(demoPageRows);
    const label = page.locator("[data-embed-illustrative]");
    expect(await label.isVisible()).toBe(true);
    expect(await label.textContent()).toContain("ILLUSTRATIVE");
    expect(await page.locator('main.embed [data-provenance~="illustrative"]').count()).toBe(1);
    expect(await page.textContent("h1")).toBe("Honduran children in immigration detention");
    expect(await page.locator("header, nav, [data-demo-switch]").count()).toBe(0);
    expect(await page.getByRole("link", { name: /full indicator/ }).getAttribute("href")).toBe(
      "/en/indicators/children-in-detention?demo=1",
    );
    await page.close();
  });

  it("lets only the embed view be framed: the server's headers", async () => {
    const { url } = session();
    const page = await session().context.newPage();
    const embed = await page.goto(`${url}/es/embed/indicators/remittance-cost-usd200`);
    expect(embed?.headers()["x-frame-options"]).toBeUndefined();
    expect(embed?.headers()["content-security-policy"]).toBeUndefined();
    const full = await page.goto(`${url}/es/indicators/remittance-cost-usd200`);
    expect(full?.headers()["x-frame-options"]).toBe("DENY");
    expect(full?.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");
    // Files the pages load are not documents: no framing rule on them.
    const file = await page.request.get(`${url}/favicon.svg`);
    expect(file.ok()).toBe(true);
    expect(file.headers()["x-frame-options"]).toBeUndefined();
    await page.close();
  });

  it("renders inside an iframe on another site, from the copied code; the full page refuses to be framed", async () => {
    const { url } = session();
    const { rows, code: copiedCode } = await indicatorPageFacts();
    const host = await startHostSite(
      `<!doctype html><html lang="en"><head><title>A ministry's page</title></head><body>
<h1>Remittances</h1>
${copiedCode}
<iframe id="refused" src="${url}/es/data" title="The full dashboard" width="640" height="200"></iframe>
</body></html>`,
    );
    hosts.push(host);
    const page = await session().context.newPage();
    await page.goto(host.url);
    const embedded = await page.locator("iframe[loading=lazy]").elementHandle();
    const frame = await embedded?.contentFrame();
    if (!frame) throw new Error("the embed's iframe has no frame");
    expect(await tableRows(frame, embedTable)).toEqual(rows);
    await frame.waitForSelector('[data-engine="ready"]');
    await frame.waitForSelector(".trend-chart svg path", { state: "attached" });
    expect(await frame.locator(".source-line").textContent()).toContain("Banco Mundial");
    // The Data page stays out of other sites' frames (clickjacking).
    const refusedFrame = await (await page.locator("#refused").elementHandle())?.contentFrame();
    if (!refusedFrame) throw new Error("the second iframe has no frame");
    // Chromium puts its own error page in a frame whose document refused to be framed.
    await expect.poll(() => refusedFrame.url()).toBe("chrome-error://chromewebdata/");
    expect(await refusedFrame.locator("#root").count()).toBe(0);
    await page.screenshot({ path: `${artifacts}/embed-in-host.png`, fullPage: true });
    // Nothing the host page or its frames asked for, but the host page itself, left the app's origin.
    const outside = session().requests.filter(
      (request) =>
        !request.startsWith(`${url}/`) &&
        !request.startsWith(host.url) &&
        !/^(data|blob):/.test(request),
    );
    expect(outside).toEqual([]);
    expect(session().requests.filter((r) => r.startsWith(host.url))).toEqual([`${host.url}/`]);
    await page.close();
  });
});
