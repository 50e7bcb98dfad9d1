import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLoopback, launchChromium } from "../support/chromium.js";
import { PersonaSession } from "../support/personas.js";
import { sharedStack } from "../support/shared-stack.js";

/**
 * The playground as a developer meets it, in a real browser with the network unplugged: every
 * request that is not to this machine is aborted and recorded, and the test fails if there was
 * one. Sign in as a persona, declare a purpose, run the case picture, see data; then switch
 * persona and see the same picture with what that role may not see withheld.
 */

const ARTIFACTS = fileURLToPath(new URL("../../test-results/playground/", import.meta.url));

interface CasePictureResponse {
  data?: { subject?: { id: string; socialCare?: { contacts: unknown[] | null } | null } | null };
  errors?: { path?: (string | number)[]; extensions?: { code?: string } }[];
}

describe("the playground in a browser, offline", () => {
  // Authorization does not depend on the database engine: the shared system on PGlite.
  const stack = sharedStack();
  let browser: Browser;
  let page: Page;
  const offMachine: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (isLoopback(url)) return route.continue();
      offMachine.push(url);
      return route.abort("internetdisconnected");
    });
    page = await context.newPage();
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /**
   * Chooses a persona and a purpose in the picker, runs the open tab, returns the answer. `shown`
   * is text the result pane must show: the editor renders only its visible lines, so it must be
   * near the top of the answer (errors come before data).
   */
  async function runCasePictureAs(persona: string, shown: string, enquiryId?: string) {
    await page.getByLabel("Persona").selectOption(persona);
    const purpose = page.getByLabel("Purpose");
    await expect
      .poll(() => purpose.locator("option").count(), { timeout: 20_000 })
      .toBeGreaterThan(1);
    const chosen = enquiryId ?? (await purpose.locator("option").nth(1).getAttribute("value"));
    if (!chosen) throw new Error(`${persona} has no enquiry to declare`);
    await purpose.selectOption(chosen);
    // The purpose's subject goes into the variables of the case picture.
    const variables = page.locator(".graphiql-editor-tool .monaco-editor .view-lines").first();
    await expect.poll(() => variables.textContent()).toMatch(/"subjectId":\s*"[0-9a-f-]{36}"/);

    const answer = page.waitForResponse(
      (response) =>
        response.url().endsWith("/graphql") &&
        response.request().postDataJSON()?.operationName === "CasePicture",
    );
    await page.locator(".graphiql-execute-button").click();
    const body = (await (await answer).json()) as CasePictureResponse;
    // What the developer sees: the answer in the result pane.
    await expect
      .poll(() => page.locator(".graphiql-response").textContent(), { timeout: 20_000 })
      .toContain(shown);
    mkdirSync(ARTIFACTS, { recursive: true });
    const screenshot = `${ARTIFACTS}case-picture-as-${persona}.png`;
    await page.screenshot({ path: screenshot });
    process.stdout.write(`playground screenshot: ${screenshot}\n`);
    return { enquiryId: chosen, body };
  }

  it("opens with no network beyond loopback, switches persona, and runs the case picture", async () => {
    const started = Date.now();
    // Generous: the first load bundles nothing but is served by a gateway on a busy machine.
    await page.goto(stack.gatewayUrl.replace(/graphql$/, ""), { timeout: 120_000 });
    await page.locator(".graphiql-query-editor .monaco-editor").waitFor({ timeout: 60_000 });
    await expect(page.title()).resolves.toBe("MASH Graph playground");
    await expect
      .poll(() =>
        page
          .locator('[id^="graphiql-session-tab-"]')
          .evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute("title"))),
      )
      .toEqual(expect.arrayContaining(["CasePicture", "MyEnquiries"]));

    // An enquiry both practitioners work on (other suites on this shared system add their own).
    const [socialWorker, police] = await Promise.all([
      PersonaSession.signIn(stack.gatewayUrl, "social-worker"),
      PersonaSession.signIn(stack.gatewayUrl, "police-officer"),
    ]);
    const both = socialWorker.enquiries.find((enquiry) =>
      police.enquiries.some((other) => other.id === enquiry.id),
    );
    if (!both) throw new Error("no enquiry both the social worker and the police officer work on");
    const asSocialWorker = await runCasePictureAs("social-worker", '"givenName"', both.id);
    expect(asSocialWorker.body.errors).toBeUndefined();
    expect(asSocialWorker.body.data?.subject?.socialCare?.contacts).toEqual(expect.any(Array));

    // The same enquiry as a police officer, who may not read social care's records.
    const asPolice = await runCasePictureAs(
      "police-officer",
      '"UNAUTHORIZED_FIELD_OR_TYPE"',
      asSocialWorker.enquiryId,
    );
    expect(asPolice.body.data?.subject?.id).toBe(asSocialWorker.body.data?.subject?.id);
    expect(asPolice.body.data?.subject?.socialCare?.contacts).toBeNull();
    expect(asPolice.body.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");

    process.stdout.write(`playground browser test: ${Date.now() - started} ms\n`);
    expect(offMachine, "requests that left the machine").toEqual([]);
    expect(problems, "errors in the page").toEqual([]);
  }, 180_000);
});
