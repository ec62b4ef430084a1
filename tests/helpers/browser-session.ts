import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./chromium";
import { startPreview } from "./preview-server";

export interface BrowserSession {
  url: string;
  context: BrowserContext;
  page: Page;
  /** Every URL the browser asked for, to check none left the app's origin. */
  requests: string[];
  /** Console messages about Content-Security-Policy violations. */
  cspViolations: string[];
}

/**
 * One preview server and one Chromium with a fresh profile for a test file, closed afterwards;
 * uncaught page errors fail the test.
 */
export function browserSessionPerFile(
  options: { crossOriginIsolation?: boolean } = {},
): () => BrowserSession {
  let session: BrowserSession | undefined;
  let closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const server = await startPreview(options);
    const browser = await launchChromium();
    closers = [browser.close, server.close];
    const requests: string[] = [];
    browser.context.on("request", (request) => requests.push(request.url()));
    const page = await browser.context.newPage();
    page.on("pageerror", (error) => {
      throw error;
    });
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) cspViolations.push(message.text());
    });
    session = { url: server.url, context: browser.context, page, requests, cspViolations };
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });
  return () => {
    if (!session) throw new Error("browser session not started");
    return session;
  };
}

export function foreignRequests(session: BrowserSession): string[] {
  return session.requests.filter(
    (url) => !url.startsWith(session.url) && !/^(data|blob):/.test(url),
  );
}

/** Opens the Data page in Spanish and waits until its engine is ready. */
export async function openDataPage(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/es/data`);
  await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
}
