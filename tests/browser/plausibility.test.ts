import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../helpers/axe";
import { browserSessionPerFile } from "../helpers/browser-session";

const session = browserSessionPerFile();
let page: Page;
let url: string;
let file: string;
const warnings: string[] = [];

beforeAll(async () => {
  ({ page, url } = session());
  page.on("console", (message) => {
    if (message.type() === "warning" || message.type() === "error") warnings.push(message.text());
  });
  // More returnees referred to services than received in the same quarter: the rule
  // referrals-within-received is broken inside the file itself.
  file = join(await mkdtemp(join(tmpdir(), "plausibility-")), "referidos.csv");
  await writeFile(
    file,
    [
      "indicator_id,period,value",
      "returnees-received,2026-Q1,400",
      "returnees-referred-to-services,2026-Q1,500",
    ].join("\n"),
  );
});

const accept = () => page.getByRole("button", { name: /Aceptar el archivo completo/ });

describe("plausibility rules on the Data page", () => {
  it("warns at intake that a rule is broken, naming the row, and needs the warnings tick", async () => {
    await page.goto(`${url}/es/data`);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
    await page.setInputFiles("input[type=file]", file);
    await page.waitForSelector("[data-summary]", { timeout: 60_000 });
    const finding = page.locator('[data-finding="rule_broken"]');
    await finding.waitFor({ timeout: 30_000 });
    const text = (await finding.textContent()) ?? "";
    expect(text).toContain("Retornados referidos a servicios, no más que los recibidos");
    expect(text).toContain("returnees-referred-to-services 500");
    expect(text).toContain("returnees-received 400");
    // The referrals are the file's row 3 (the header is row 1): the finding names it.
    expect((await finding.locator("td").allTextContents())[1]).toBe("3");
    expect(await accept().isDisabled()).toBe(true);
    await page.getByRole("checkbox").check();
    expect(await accept().isDisabled()).toBe(false);
    await accept().click();
    await page.locator("[data-summary]").waitFor({ state: "detached", timeout: 60_000 });
  });

  it("lists the broken rule over the accepted data with both sides' figures, its expression and reason", async () => {
    const rule = page.locator('[data-rule="referrals-within-received"]');
    await page.waitForSelector('[data-rule="referrals-within-received"][data-broken="1"]', {
      timeout: 60_000,
    });
    expect(await page.getAttribute("[data-broken-rules]", "data-broken-rules")).toBe("1");
    const row = rule.locator('[data-broken-comparison="2026-Q1"]');
    const cells = await row.locator("td").allTextContents();
    expect(cells[1]).toBe("Total");
    expect(cells[2]).toContain("returnees-referred-to-services");
    expect(cells[2]).toContain("500");
    expect(cells[3]).toBe("<=");
    expect(cells[4]).toContain("400");
    const details = (await rule.textContent()) ?? "";
    expect(details).toContain("returnees-referred-to-services <= returnees-received");
    expect(details).toContain("no puede haber más referidas que recibidas");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("says the same in English", async () => {
    await page.goto(`${url}/en/data`);
    await page.waitForSelector('[data-rule="referrals-within-received"][data-broken="1"]', {
      timeout: 60_000,
    });
    const text =
      (await page.locator('[data-rule="referrals-within-received"]').textContent()) ?? "";
    expect(text).toContain("Returnees referred to services, no more than those received");
    expect(text).toContain("broken in 1 comparison");
    expect(text).toContain("there cannot be more people referred than received");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows an indicator's rules on its page", async () => {
    await page.goto(`${url}/es/indicators/returnees-received`);
    await page.waitForSelector("[data-indicator-rules]", { timeout: 60_000 });
    const rules = await page
      .locator("[data-indicator-rules] [data-rule]")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-rule")));
    // Every rule that names returnees-received, on either side.
    expect(rules.sort()).toEqual([
      "disability-form-within-received",
      "referrals-within-received",
      "reintegration-within-received",
      "returned-children-within-received-children",
    ]);
    const text = (await page.locator("[data-indicator-rules]").textContent()) ?? "";
    expect(text).toContain("returnees-referred-to-services <= returnees-received");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("warms the engine up while the Data page waits for a file, with no script refused", async () => {
    await page.goto(`${url}/es/data`);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
    const warmUp = await page.waitForFunction(
      () => performance.getEntriesByName("gcm:engine:warm-up").length,
      undefined,
      { timeout: 60_000 },
    );
    expect(await warmUp.jsonValue()).toBe(1);
    expect(warnings.filter((w) => w.includes("warm-up"))).toEqual([]);
    expect(session().cspViolations).toEqual([]);
    // Nothing it did shows: the accepted rule's figures are still those of the first test.
    await page.waitForSelector('[data-rule="referrals-within-received"][data-broken="1"]', {
      timeout: 60_000,
    });
  });
});
