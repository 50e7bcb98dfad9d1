import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { isLoopback } from "./chromium.js";

/** Where the front end's screenshots go: test-results/web/, kept by CI as artifacts. */
export const WEB_ARTIFACTS = fileURLToPath(new URL("../../test-results/web/", import.meta.url));

/** WCAG 2.2 AA, as axe-core tags it (A and AA of 2.0, 2.1 and 2.2). */
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * One practitioner in their own browser context (own cookies): JavaScript off unless asked for,
 * because every page must work without it; no request may leave the machine.
 */
export async function practitionerBrowser(
  browser: Browser,
  options: { javaScript?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? false,
  });
  const problems: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    problems.push(`left the machine: ${url}`);
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // A form answered 400 with its errors is a page doing its job; a style, script, font or image
  // that fails to load is not.
  page.on("response", (response) => {
    if (response.request().resourceType() !== "document" && response.status() >= 400) {
      problems.push(`${response.status()} for ${response.url()}`);
    }
  });
  return { context, page, problems };
}

/**
 * Checks the page as it stands against WCAG 2.2 AA with axe-core, and keeps a screenshot of it.
 * axe is a script, and the practitioner's page has JavaScript off: so the page's HTML, exactly as
 * served, is loaded into a checker page on the same origin (same styles) with JavaScript on.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const html = await page.content();
  const checker = await checkerFor(page);
  await checker.setContent(html, { waitUntil: "load" });
  const results = await new AxeBuilder({ page: checker }).withTags(WCAG_22_AA).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join("; ")})`,
  );
  expect(violations, `accessibility of ${name}`).toEqual([]);
  expect(await page.locator("h1").count(), `one h1 on ${name}`).toBe(1);
  mkdirSync(WEB_ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${WEB_ARTIFACTS}${name}.png`, fullPage: true });
}

const checkers = new WeakMap<Browser, Page>();

/** A JavaScript-enabled page on the front end's origin, for axe (one per browser). */
async function checkerFor(page: Page): Promise<Page> {
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser");
  let checker = checkers.get(browser);
  if (!checker) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    checker = await context.newPage();
    checkers.set(browser, checker);
  }
  const origin = new URL(page.url()).origin;
  if (new URL(checker.url() === "about:blank" ? "http://x" : checker.url()).origin !== origin) {
    await checker.goto(`${origin}/healthz`);
  }
  return checker;
}

/** Signs in as a development persona with the keyboard alone: focus, select, submit. */
export async function signInAs(page: Page, baseUrl: string, displayName: string): Promise<void> {
  await page.goto(new URL("/sign-in", baseUrl).toString());
  const choice = page.getByRole("radio", { name: new RegExp(`^${displayName} `) });
  await choice.focus();
  await page.keyboard.press("Space");
  await expect.poll(() => choice.isChecked()).toBe(true);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/sign-in")),
    page.keyboard.press("Enter"),
  ]);
}
