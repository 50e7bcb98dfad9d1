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
  // Playwright's 30 s default is for a quiet machine; a CI run beside other suites is not one.
  // A step that waits longer than this is stuck, not slow.
  context.setDefaultTimeout(STEP_MS);
  const problems: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    // A request still in flight when its page closes cannot be continued: that is not a failure.
    if (isLoopback(url)) return route.continue().catch(ignoreIfClosed);
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

function ignoreIfClosed(error: unknown): void {
  if (!/has been closed/.test(String(error))) throw error;
}

/** The longest one browser step (a click, a page load) may take on a busy machine: a hang. */
export const STEP_MS = 120_000;

/** The longest an accessibility check may take on a busy machine before it counts as a hang. */
const CHECK_MS = 120_000;

/**
 * Checks the page as it stands against WCAG 2.2 AA with axe-core, and keeps a screenshot of it.
 * axe is a script, and the practitioner's page has JavaScript off: so the page's HTML, exactly as
 * served, is loaded into a checker page on the same origin (same styles) with JavaScript on.
 * Several of the steps (reading the HTML, axe's evaluations) have no timeout of their own in
 * Playwright: the check as a whole has one, so a stuck browser fails the step that met it, by
 * name, instead of the test running into vitest's timeout with no word of where.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("load", { timeout: CHECK_MS });
  const html = await within(CHECK_MS, `reading the HTML of ${name}`, page.content());
  const checker = await checkerFor(page);
  try {
    await checker.goto(new URL("/healthz", page.url()).toString(), { timeout: CHECK_MS });
    await checker.setContent(html, { waitUntil: "load", timeout: CHECK_MS });
    const results = await within(
      CHECK_MS,
      `the accessibility check of ${name}`,
      new AxeBuilder({ page: checker }).withTags(WCAG_22_AA).analyze(),
    );
    const violations = results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join("; ")})`,
    );
    expect(violations, `accessibility of ${name}`).toEqual([]);
  } finally {
    await checker.close();
  }
  expect(await page.locator("h1").count(), `one h1 on ${name}`).toBe(1);
  mkdirSync(WEB_ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${WEB_ARTIFACTS}${name}.png`, fullPage: true, timeout: CHECK_MS });
}

/** `work`, or an error naming what did not finish within `ms`. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

const checkers = new WeakMap<Browser, BrowserContext>();

/**
 * A fresh JavaScript-enabled page for axe, in one checker context per browser: a page per check,
 * closed after it, so no check inherits another's state (axe's scripts, a page left loading).
 */
async function checkerFor(page: Page): Promise<Page> {
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser");
  let context = checkers.get(browser);
  if (!context) {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    checkers.set(browser, context);
  }
  return within(CHECK_MS, "opening a checker page", context.newPage());
}

/** Signs in as a development persona with the keyboard alone: focus, select, submit. */
export async function signInAs(page: Page, baseUrl: string, displayName: string): Promise<void> {
  await page.goto(new URL("/sign-in", baseUrl).toString());
  const choice = page.getByRole("radio", { name: new RegExp(`^${displayName} `) });
  await choice.focus();
  await page.keyboard.press("Space");
  await expect.poll(() => choice.isChecked()).toBe(true);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: STEP_MS }),
    page.keyboard.press("Enter"),
  ]);
}
