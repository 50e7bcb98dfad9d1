import { describe, expect, it } from "vitest";
import { formErrors } from "../src/data/form-errors.js";
import { markNotShared, NOT_SHARED } from "../src/data/not-shared.js";

const denied = (path: (string | number)[]) => ({
  message: "Unauthorized field or type",
  path,
  extensions: { code: "UNAUTHORIZED_FIELD_OR_TYPE" },
});

describe("fields the gateway withheld", () => {
  it("are marked not shared at their path, in lists too, and nowhere else", () => {
    const data = {
      enquiry: {
        subject: {
          health: { known: true, summary: null },
          household: { members: [{ probation: null }, { probation: { known: false } }] },
          address: null,
        },
      },
    };
    const marked = markNotShared(data, [
      denied(["enquiry", "subject", "health", "summary"]),
      denied(["enquiry", "subject", "household", "members", 0, "probation"]),
    ]);
    expect(marked.enquiry.subject.health.summary).toBe(NOT_SHARED);
    expect(marked.enquiry.subject.household.members[0]?.probation).toBe(NOT_SHARED);
    expect(marked.enquiry.subject.household.members[1]?.probation).toEqual({ known: false });
    // A null the gateway did not withhold is just empty.
    expect(marked.enquiry.subject.address).toBeNull();
    // The answer itself is not changed.
    expect(data.enquiry.subject.health.summary).toBeNull();
  });

  it("never replaces a value that came back", () => {
    const marked = markNotShared({ a: { b: 1 } }, [denied(["a", "b"])]);
    expect(marked.a.b).toBe(1);
  });
});

describe("the gateway's refusals as form errors", () => {
  it("link to the field the input path names, with the graph's message unless the page has words", () => {
    const errors = formErrors(
      [
        {
          message: "Must be 20 to 8000 characters.",
          extensions: { code: "BAD_USER_INPUT", field: "input.summary" },
        },
        {
          message: "bad",
          extensions: { code: "BAD_USER_INPUT", field: "input.household.0.givenName" },
        },
        { message: "Someone changed the enquiry", extensions: { code: "STALE_VERSION" } },
      ],
      "outcome",
      { "household-0-givenName": "Enter their first name" },
    );
    expect(errors).toEqual([
      { field: "summary", text: "Must be 20 to 8000 characters." },
      { field: "household-0-givenName", text: "Enter their first name" },
      { field: "outcome", text: "Someone changed the enquiry" },
    ]);
  });
});
