import { issueDevToken } from "@mash/gateway/dev/issue-token";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningStack } from "../../scripts/stack.js";
import { launchChromium } from "../support/chromium.js";
import { graphql } from "../support/graphql-client.js";
import { bearer, personaByKey } from "../support/personas.js";
import { stackBackends, startTestStack } from "../support/system-under-test.js";
import { checkPage, practitionerBrowser, STEP_MS, signInAs } from "../support/web-browser.js";

/**
 * The front end end to end, in a real browser with JavaScript off, against the real stack (four
 * subgraphs, the gateway, web/): a referrer's concern becomes an enquiry the social worker opens
 * and rates, the police, health and probation practitioners take up and answer their checks, the
 * manager decides, the referrer sees the outcome; then a researcher's review and a data protection
 * officer's. Every page is checked with axe-core (WCAG 2.2 AA) and screenshotted into
 * test-results/web/. One stack for every journey: they run in order and share the enquiry.
 */

const backend = stackBackends()[0];
const RUN = Date.now().toString(36).slice(-5);
const CHILD = { givenName: "Robin", familyName: `Journeyfield${RUN.replace(/\d/g, "")}` };

describe("the MASH front end in a browser, JavaScript off", () => {
  let stack: RunningStack;
  let browser: Browser;
  let web: string;
  let enquiryUrl = "";
  const problems: string[] = [];

  beforeAll(async () => {
    if (!backend) throw new Error("no stack backend");
    // JOURNEY_STACK="<web url> <gateway url>" reuses a stack already running (while developing).
    const [reuseWeb, reuseGateway] = (process.env.JOURNEY_STACK ?? "").split(" ");
    [stack, browser] = await Promise.all([
      reuseWeb && reuseGateway
        ? ({ webUrl: reuseWeb, gatewayUrl: reuseGateway, stop: async () => {} } as RunningStack)
        : startTestStack(backend, {}, "silent", { web: true }),
      launchChromium(),
    ]);
    web = stack.webUrl ?? "";
  });

  // Each practitioner's browser goes after their journey: contexts left open pile up in the browser.
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function as(displayName: string, javaScript = false): Promise<Page> {
    const opened = await practitionerBrowser(browser, { javaScript });
    opened.page.on("close", () => problems.push(...opened.problems));
    contexts.push(opened.context);
    await signInAs(opened.page, web, displayName);
    await noErrorPage(opened.page);
    return opened.page;
  }

  /**
   * Does what leads to a new page (a link followed, a form posted and redirected) and waits for
   * that page to load. Waiting for "load" beside the click is not enough: the page being left is
   * already loaded, so the wait ends at once and the next step acts on the old page while the
   * server still works (a slow take-up on a busy machine). The navigation is what is awaited.
   */
  async function navigate(page: Page, action: () => Promise<void>) {
    await Promise.all([page.waitForNavigation({ waitUntil: "load", timeout: STEP_MS }), action()]);
    await noErrorPage(page);
  }

  /** The service's error page is a failure to report at once, not a page to look for buttons on. */
  async function noErrorPage(page: Page) {
    const heading = (await page.locator("h1").first().textContent())?.trim() ?? "";
    if (heading.startsWith("Sorry")) {
      const message = await page.locator("main p").first().textContent();
      throw new Error(`${new URL(page.url()).pathname} showed "${heading}": ${message?.trim()}`);
    }
  }

  async function submit(page: Page, button: string) {
    await navigate(page, () => page.getByRole("button", { name: button }).click());
  }

  it("refuses pages to anyone signed out, and signs in with the keyboard", async () => {
    const { page } = await practitionerBrowser(browser);
    await page.goto(new URL("/work-queue", web).toString());
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await checkPage(page, "01-sign-in");
    await page.context().close();
  });

  it("a referrer refers a concern: GOV.UK errors first, then one contact however often it is sent", async () => {
    const page = await as("Emma Lindqvist");
    await page.goto(new URL("/contacts/new", web).toString());
    await submit(page, "Send referral");
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.isVisible()).toBe(true);
    await expect.poll(() => summary.textContent()).toContain("Select the main concern");
    await checkPage(page, "02-referral-errors");

    await page.getByLabel("Your name").fill("Emma Lindqvist");
    await page.getByLabel("Your role").fill("Designated safeguarding lead");
    await page.getByLabel("Your organisation").fill("Synthetic Primary School");
    await page.getByLabel("You are referring as").selectOption("SCHOOL");
    await page.getByLabel("Email address").fill("dsl@school.example");
    await page.getByLabel("First name").first().fill(CHILD.givenName);
    await page.getByLabel("Last name").first().fill(CHILD.familyName);
    await page.getByLabel("Day").first().fill("4");
    await page.getByLabel("Month").first().fill("5");
    await page.getByLabel("Year").first().fill("2017");
    await page.locator("#household-0-givenName").fill("Jo");
    await page.locator("#household-0-familyName").fill(CHILD.familyName);
    await page.locator("#household-0-relationshipToSubject").fill("mother");
    await page.getByLabel("Main concern").selectOption("NEGLECT");
    await page
      .getByLabel("What has happened")
      .fill("Robin has come to school hungry and in the same clothes every day for two weeks.");
    await page.getByLabel("Consent was not sought", { exact: true }).check();
    await page.locator("#consent-reason").fill("Telling the family first may put Robin at risk.");
    // A double click: two posts with the same idempotency key make one contact.
    const form: Record<string, string> = {};
    for (const field of await page.locator("form[action='/contacts/new'] [name]").all()) {
      const name = await field.getAttribute("name");
      const type = await field.getAttribute("type");
      if (!name || ((type === "radio" || type === "checkbox") && !(await field.isChecked())))
        continue;
      form[name] = await field.inputValue();
    }
    const again = await page.request.post(new URL("/contacts/new", web).toString(), {
      form,
      maxRedirects: 0,
    });
    expect(again.status()).toBe(303);
    await submit(page, "Send referral");
    expect(new URL(page.url()).pathname).toBe("/contacts");
    await expect
      .poll(() => page.locator(".govuk-notification-banner").textContent())
      .toContain("sent to the MASH");
    await checkPage(page, "03-referrals");
    await page.close();
  });

  it("the social worker screens the contact once, opens the enquiry and rates it AMBER", async () => {
    const page = await as("Priya Chaudhry");
    await page.goto(new URL("/screening", web).toString());
    const links = page.getByRole("link", { name: `${CHILD.givenName} ${CHILD.familyName}` });
    expect(await links.count()).toBe(1);
    await checkPage(page, "04-screening");
    await navigate(page, () => links.click());
    await checkPage(page, "05-open-enquiry");
    await submit(page, "Open the enquiry");
    expect(new URL(page.url()).pathname).toMatch(/^\/enquiries\//);
    enquiryUrl = page.url();
    await page.getByLabel("Amber").check();
    await page
      .getByLabel("Why this rating")
      .fill("Neglect indicators reported daily by the school.");
    await submit(page, "Save the rating");
    await expect
      .poll(() => page.locator("#rating + table, table").first().textContent())
      .toContain("Amber");

    await navigate(page, () =>
      page.getByRole("button", { name: "Answer the social care check" }).click(),
    );
    await page.getByLabel("Share information").check();
    await page.locator("#summary").fill("Known to early help in 2024; no current plan.");
    await page.getByLabel("UK GDPR Article 6(1)(e): public task").check();
    await submit(page, "Record the answer");
    await checkPage(page, "06-enquiry-social-worker");
    await page.close();
  });

  const agencies = [
    [
      "DC Tom Ashworth",
      "police",
      "Share information",
      "One domestic abuse incident in 2025, assessed standard risk.",
    ],
    ["Grace Mensah", "health", "Nothing known", ""],
    [
      "Daniel Kowalczyk",
      "probation",
      "Decline to share",
      "Disclosure would prejudice an ongoing risk assessment.",
    ],
  ] as const;

  for (const [name, agency, decision, words] of agencies) {
    it(`the ${agency} practitioner finds the check in their queue, takes it up and answers it`, async () => {
      const page = await as(name);
      const row = page.getByRole("link", { name: `${CHILD.givenName} ${CHILD.familyName}` });
      expect(await row.count()).toBe(1);
      await checkPage(page, `07-queue-${agency}`);
      await navigate(page, () => row.click());
      await checkPage(page, `08-take-up-${agency}`);
      await submit(page, "Take up the check");
      expect(page.url()).toBe(enquiryUrl);
      if (agency === "probation") {
        // Probation may not see health's summary: it says so, it does not look empty.
        expect(await page.getByText("Not shared with your role").count()).toBeGreaterThan(0);
      }
      await checkPage(page, `09-enquiry-${agency}`);
      await navigate(page, () =>
        page.getByRole("button", { name: `Answer the ${agency} check` }).click(),
      );
      await page.getByLabel(decision, { exact: true }).check();
      if (decision === "Share information") {
        await page.locator("#summary").fill(words);
        await page.getByLabel("DPA 2018 Schedule 1 paragraph 18: safeguarding").check();
      }
      if (decision === "Decline to share") await page.locator("#declineReason").fill(words);
      await checkPage(page, `10-answer-${agency}`);
      await submit(page, "Record the answer");
      expect(new URL(page.url()).pathname).toBe(new URL(enquiryUrl).pathname);
      await page.close();
    });
  }

  it("the manager sees every check answered and records the decision, with JavaScript on", async () => {
    const page = await as("Helen Whitworth", true);
    await page.goto(enquiryUrl);
    const tags = await page.locator(".govuk-task-list__status").allTextContents();
    expect(tags.map((tag) => tag.trim())).toEqual([
      "Shared",
      "Shared",
      "Nothing known",
      "Declined",
    ]);
    await checkPage(page, "11-enquiry-manager");
    await navigate(page, () => page.getByRole("button", { name: "Record the decision" }).click());
    expect(await page.getByLabel("Why decide before every agency has answered").count()).toBe(0);
    await page.getByLabel("Early help", { exact: true }).check();
    await page
      .getByLabel("Why", { exact: true })
      .fill("Needs are met by early help; no risk of significant harm.");
    await page
      .getByLabel("What the referrer is told")
      .fill("Early help will contact the family this week.");
    await checkPage(page, "12-decision");
    await submit(page, "Record the decision");
    await expect
      .poll(() => page.locator("body").textContent())
      .toContain("Needs are met by early help");
    await page.close();
  });

  it("the referrer sees the outcome and the feedback", async () => {
    const page = await as("Emma Lindqvist");
    await expect
      .poll(() => page.locator("table").textContent())
      .toContain("Early help will contact the family this week.");
    await page.close();
  });

  it("a police researcher works the review queue: confirms a proposal, revokes the link, rejects another", async () => {
    const page = await as("Sgt Aisha Rahman");
    // The researcher's home is the queue: conflicts first, each pair with its band, score and why.
    expect(new URL(page.url()).pathname).toBe("/matches");
    const pairs = page.locator(".mash-review-queue tbody tr");
    expect(await pairs.count()).toBeGreaterThan(1);
    expect(await pairs.first().locator("td").nth(2).textContent()).toMatch(/\d/);
    await checkPage(page, "13-review-queue");

    // The first pair: its subject's records, every reason and the pair's history; confirm it.
    const first = pairs.first().getByRole("link");
    const firstRecord = ((await first.textContent()) ?? "").match(/Record (\S+)/)?.[1] ?? "";
    const firstSubject = (await first.getAttribute("href")) ?? "";
    expect(firstRecord).not.toBe("");
    await navigate(page, () => first.click());
    await checkPage(page, "14-match-candidates");
    const proposal = page.locator("section.mash-candidate", {
      has: page.getByRole("heading", { name: `Record ${firstRecord}`, exact: true }),
    });
    await proposal.getByLabel("Yes, link it").check();
    await proposal
      .getByLabel("Reason")
      .fill("Same name, date of birth and address as the school recorded.");
    await navigate(page, () =>
      proposal.getByRole("button", { name: "Record the decision" }).click(),
    );
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("Linked");
    expect(await proposal.locator(".govuk-summary-list").first().textContent()).toContain(
      "Confirmed",
    );
    // The pair's history now holds the researcher's confirmation, with the reason.
    const history = await proposal.locator(".govuk-details").textContent();
    expect(history).toContain("Confirmed");
    expect(history).toContain("Same name, date of birth and address");

    // Then it turns out to be someone else: the link is revoked, with the reason. A revoked pair
    // is never proposed again, so it leaves the subject's candidates.
    await proposal
      .getByLabel(`Why record ${firstRecord} is not this person`)
      .fill("The PNC record's date of birth belongs to an older sibling.");
    await navigate(page, () => proposal.getByRole("button", { name: "Revoke the link" }).click());
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain(
      "Link revoked",
    );
    expect(await proposal.count()).toBe(0);
    await checkPage(page, "15-match-revoked");

    // Back in the queue the decided pair is gone; the next one is rejected.
    await navigate(page, () =>
      page.getByRole("link", { name: "Back to the review queue" }).click(),
    );
    const queued = await page
      .locator(".mash-review-queue tbody tr a")
      .evaluateAll((links) =>
        links.map((link) => `${link.getAttribute("href")} ${link.textContent}`),
      );
    expect(
      queued.filter((row) => row.includes(firstSubject) && row.includes(`Record ${firstRecord} `)),
    ).toEqual([]);
    const next = page.locator(".mash-review-queue tbody tr a").first();
    const nextRecord = ((await next.textContent()) ?? "").match(/Record (\S+)/)?.[1] ?? "";
    await navigate(page, () => next.click());
    const other = page.locator("section.mash-candidate", {
      has: page.getByRole("heading", { name: `Record ${nextRecord}`, exact: true }),
    });
    await other.getByLabel("No, never propose it again").check();
    await other.getByLabel("Reason").fill("Different person: another date of birth and school.");
    await navigate(page, () => other.getByRole("button", { name: "Record the decision" }).click());
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("Rejected");
    expect(await other.count()).toBe(0);
    await page.close();
  });

  it("the data protection officer reads the anomalies, the subject's and a practitioner's access log, and reviews a break-glass grant", async () => {
    const enquiryId = new URL(enquiryUrl).pathname.split("/").pop() ?? "";
    const worker = await issueDevToken(personaByKey("social-worker"), { expiresIn: "1h" });
    const mine = await graphql<{ enquiry: { subject: { id: string } } }>(
      stack.gatewayUrl,
      "query E($id: ID!) { enquiry(id: $id) { subject { id } } }",
      { id: enquiryId },
      bearer(worker),
    );
    const subjectId = mine.data?.enquiry.subject.id ?? "";
    // The decided enquiry is no longer a purpose: a grant under it cannot be declared now, so
    // the review is of a grant declared under one of the social worker's open enquiries.
    const open = await graphql<{ myEnquiries: { id: string; subject: { id: string } }[] }>(
      stack.gatewayUrl,
      "{ myEnquiries { id subject { id } } }",
      {},
      bearer(worker),
    );
    const purpose = open.data?.myEnquiries[0];
    if (!purpose) throw new Error("the social worker has no open enquiry");
    const declared = await graphql(
      stack.gatewayUrl,
      "mutation G($input: DeclareBreakGlassInput!) { declareBreakGlass(input: $input) { id } }",
      {
        input: {
          subjectId: purpose.subject.id,
          reason: "Placement address needed for a same-day visit.",
          minutes: 10,
        },
      },
      { ...bearer(worker), "x-mash-purpose": purpose.id },
    );
    expect(declared.errors).toBeUndefined();

    const page = await as("Imran Qureshi");
    // The week's anomalies, each report a list that opens without JavaScript (<details>).
    const anomalies = page.locator("#anomalies ~ .govuk-details, #anomalies ~ p").first();
    expect(await anomalies.count()).toBe(1);
    // The subject's log: every read of the child's records since the referral, by whom.
    await page.getByLabel("Subject id").fill(subjectId);
    await submit(page, "Search");
    const entries = page.locator("table").last().locator("tbody tr");
    expect(await entries.count()).toBeGreaterThan(0);
    expect(await page.locator("table").last().textContent()).toContain(enquiryId);
    await checkPage(page, "16-access-log-subject");
    // One practitioner's log: the social worker who opened the enquiry, from the subject's log.
    const workerId = personaByKey("social-worker").id;
    await navigate(page, () =>
      page.locator("table").last().getByRole("link", { name: workerId }).first().click(),
    );
    expect(new URL(page.url()).searchParams.get("principalId")).toBe(workerId);
    const whose = await page
      .locator("table")
      .last()
      .locator("tbody tr td:nth-child(2)")
      .allTextContents();
    expect(whose.length).toBeGreaterThan(0);
    expect(whose.every((cell) => cell.includes(workerId))).toBe(true);
    await checkPage(page, "17-access-log-practitioner");

    await navigate(page, () => page.getByRole("link", { name: "Break-glass reviews" }).click());
    await checkPage(page, "18-break-glass");
    const grant = page
      .locator("section.mash-grant")
      .filter({ hasText: "Placement address needed" });
    expect(await grant.count()).toBe(1);
    await grant.getByLabel("Yes, upheld").check();
    await grant
      .getByLabel("What you found")
      .fill("Same-day visit confirmed with the team manager.");
    await navigate(page, () => grant.getByRole("button", { name: "Record the review" }).click());
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("recorded");
    // Reviewed, it leaves the list of grants waiting.
    expect(
      await page
        .locator("section.mash-grant")
        .filter({ hasText: "Placement address needed" })
        .count(),
    ).toBe(0);
    await page.close();
  });

  it("signs out, and nothing is left behind", async () => {
    const page = await as("Priya Chaudhry");
    await submit(page, "Sign out");
    expect(new URL(page.url()).pathname).toBe("/signed-out");
    await page.goto(new URL("/work-queue", web).toString());
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.close();
    expect(problems).toEqual([]);
  });
}, 600_000);
