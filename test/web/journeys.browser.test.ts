import { issueDevToken } from "@mash/gateway/dev/issue-token";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningStack } from "../../scripts/stack.js";
import { launchChromium } from "../support/chromium.js";
import { graphql } from "../support/graphql-client.js";
import { bearer, personaByKey } from "../support/personas.js";
import { stackBackends, startTestStack } from "../support/system-under-test.js";
import { checkPage, practitionerBrowser, signInAs } from "../support/web-browser.js";

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

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function as(displayName: string, javaScript = false): Promise<Page> {
    const opened = await practitionerBrowser(browser, { javaScript });
    opened.page.on("close", () => problems.push(...opened.problems));
    await signInAs(opened.page, web, displayName);
    return opened.page;
  }

  async function submit(page: Page, button: string) {
    await Promise.all([
      page.waitForLoadState("load"),
      page.getByRole("button", { name: button }).click(),
    ]);
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
    await links.click();
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

    await page.getByRole("button", { name: "Answer the social care check" }).click();
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
      await row.click();
      await checkPage(page, `08-take-up-${agency}`);
      await submit(page, "Take up the check");
      expect(page.url()).toBe(enquiryUrl);
      if (agency === "probation") {
        // Probation may not see health's summary: it says so, it does not look empty.
        expect(await page.getByText("Not shared with your role").count()).toBeGreaterThan(0);
      }
      await checkPage(page, `09-enquiry-${agency}`);
      await page.getByRole("button", { name: `Answer the ${agency} check` }).click();
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
    await page.getByRole("button", { name: "Record the decision" }).click();
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

  it("a police researcher reviews a proposed record match and confirms it", async () => {
    const token = await issueDevToken(personaByKey("police-researcher"), { expiresIn: "1h" });
    type Node = {
      id: string;
      name: { familyName: string };
      policeMatches: { status: string }[] | null;
    };
    let subject: Node | undefined;
    let after: string | null = null;
    // Reading candidates runs matching for the page; the first subject with a proposal is reviewed.
    for (let pageNumber = 0; pageNumber < 8 && !subject; pageNumber += 1) {
      const found: Awaited<
        ReturnType<
          typeof graphql<{ subjects: { nodes: Node[]; pageInfo: { endCursor: string | null } } }>
        >
      > = await graphql(
        stack.gatewayUrl,
        "query P($after: String) { subjects(first: 100, after: $after) { nodes { id name { familyName } policeMatches { status } } pageInfo { endCursor } } }",
        { after },
        bearer(token),
      );
      subject = found.data?.subjects.nodes.find((node) =>
        node.policeMatches?.some((candidate) => candidate.status === "PENDING"),
      );
      after = found.data?.subjects.pageInfo.endCursor ?? null;
      if (!after) break;
    }
    if (!subject) throw new Error("the test world has no proposed police match");
    const page = await as("Sgt Aisha Rahman");
    await page.getByLabel("Last name").fill(subject.name.familyName);
    await submit(page, "Search");
    await checkPage(page, "13-matches-search");
    await page.locator(`a[href='/matches/subjects/${subject.id}']`).click();
    await checkPage(page, "14-match-candidates");
    const form = page
      .locator("form")
      .filter({ has: page.getByText("Yes, link it") })
      .first();
    await form.getByLabel("Yes, link it").check();
    await form
      .getByLabel("Reason")
      .fill("Same name, date of birth and address as the school recorded.");
    await Promise.all([
      page.waitForLoadState("load"),
      form.getByRole("button", { name: "Record the decision" }).click(),
    ]);
    await expect.poll(() => page.locator("body").textContent()).toContain("Confirmed");
    await page.close();
  });

  it("the data protection officer reads the enquiry's access log and reviews a break-glass grant", async () => {
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
    await page.getByLabel("Subject id").fill(subjectId);
    await submit(page, "Search");
    expect(await page.locator("table").last().locator("tbody tr").count()).toBeGreaterThan(0);
    await checkPage(page, "15-access-log");
    await page.getByRole("link", { name: "Break-glass reviews" }).click();
    await checkPage(page, "16-break-glass");
    const form = page.locator("form").filter({ hasText: "Placement address needed" }).first();
    await page.getByLabel("Yes, upheld").first().check();
    await page
      .getByLabel("What you found")
      .first()
      .fill("Same-day visit confirmed with the team manager.");
    await submit(page, "Record the review");
    expect(form).toBeDefined();
    await expect
      .poll(() => page.locator(".govuk-notification-banner").textContent())
      .toContain("recorded");
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
