import { beforeAll, describe, expect, it } from "vitest";
import { type EnquiryRef, PersonaSession } from "../support/personas.js";
import { sharedStacks } from "../support/shared-stack.js";

const RECORD = (agency: string) => `mutation Record($input: RecordDisclosureInput!) {
  record${agency}Disclosure(input: $input) { id decision summary declineReason lawfulBasis decidedBy decidedByAgency decidedAt }
}`;

const DISCLOSURES = `query Disclosures($id: ID!) {
  enquiry(id: $id) {
    id
    policeDisclosures { decision summary lawfulBasis decidedBy subjectIds }
    healthDisclosures { decision declineReason decidedBy }
  }
}`;

describe.each(sharedStacks())("disclosures and refusals on $name", (stack) => {
  let police: PersonaSession;
  let health: PersonaSession;
  let manager: PersonaSession;
  let enquiry: EnquiryRef;

  beforeAll(async () => {
    police = await PersonaSession.signIn(stack.gatewayUrl, "police-officer");
    health = await PersonaSession.signIn(stack.gatewayUrl, "health-practitioner");
    manager = await PersonaSession.signIn(stack.gatewayUrl, "manager");
    const shared = police.enquiries[0];
    if (!shared) throw new Error("the police officer has no enquiry");
    enquiry = shared;
    for (const session of [police, health, manager]) session.declarePurpose(enquiry);
  });

  it("records what the police share and that health declines, and both can be read under the enquiry", async () => {
    const shared = await police.query(RECORD("Police"), {
      input: {
        enquiryId: enquiry.id,
        decision: "SHARED",
        subjectIds: [enquiry.subjectId],
        summary: "Two domestic abuse incidents in the last year, latest assessed medium risk.",
        sharedRecordIds: ["incident-1", "incident-2"],
        lawfulBasis: ["UK_GDPR_ART_6_1_E_PUBLIC_TASK", "DPA_2018_SCH_1_PARA_18_SAFEGUARDING"],
      },
    });
    expect(shared.errors).toBeUndefined();
    expect(shared.data?.recordPoliceDisclosure).toMatchObject({
      decision: "SHARED",
      decidedBy: "dev-police-officer",
      decidedByAgency: "police",
    });

    const declined = await health.query(RECORD("Health"), {
      input: {
        enquiryId: enquiry.id,
        decision: "DECLINED",
        subjectIds: [enquiry.subjectId],
        declineReason: "Clinical information not proportionate before the strategy discussion.",
      },
    });
    expect(declined.errors).toBeUndefined();

    const read = await manager.query<{
      enquiry: {
        policeDisclosures: { decision: string; summary: string; decidedBy: string }[];
        healthDisclosures: { decision: string; declineReason: string }[];
      };
    }>(DISCLOSURES, { id: enquiry.id });
    expect(read.errors).toBeUndefined();
    expect(read.data?.enquiry.policeDisclosures).toEqual([
      expect.objectContaining({
        decision: "SHARED",
        lawfulBasis: ["UK_GDPR_ART_6_1_E_PUBLIC_TASK", "DPA_2018_SCH_1_PARA_18_SAFEGUARDING"],
        subjectIds: [enquiry.subjectId],
      }),
    ]);
    expect(read.data?.enquiry.healthDisclosures).toEqual([
      expect.objectContaining({ decision: "DECLINED", decidedBy: "dev-health-practitioner" }),
    ]);
  });

  it("refuses a disclosure without what its decision needs", async () => {
    const noBasis = await police.query(RECORD("Police"), {
      input: {
        enquiryId: enquiry.id,
        decision: "SHARED",
        subjectIds: [enquiry.subjectId],
        summary: "Something to share.",
      },
    });
    expect(noBasis.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.lawfulBasis",
    });
    const noReason = await health.query(RECORD("Health"), {
      input: { enquiryId: enquiry.id, decision: "DECLINED", subjectIds: [enquiry.subjectId] },
    });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.declineReason",
    });
  });

  it("lets an agency disclose only as itself, for its purpose, about the enquiry's people", async () => {
    const socialWorker = await PersonaSession.signIn(stack.gatewayUrl, "social-worker");
    socialWorker.declarePurpose(enquiry);
    const impostor = await socialWorker.query(RECORD("Police"), {
      input: { enquiryId: enquiry.id, decision: "NOTHING_KNOWN", subjectIds: [enquiry.subjectId] },
    });
    expect(impostor.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");

    const other = police.enquiries.find((candidate) => candidate.id !== enquiry.id);
    if (!other) throw new Error("the police officer has one enquiry only");
    const wrongEnquiry = await police.query(RECORD("Police"), {
      input: { enquiryId: other.id, decision: "NOTHING_KNOWN", subjectIds: [other.subjectId] },
    });
    expect(wrongEnquiry.errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      reason: "NOT_THE_PURPOSE",
    });

    const outsider = await police.query(RECORD("Police"), {
      input: { enquiryId: enquiry.id, decision: "NOTHING_KNOWN", subjectIds: [other.subjectId] },
    });
    expect(outsider.errors?.[0]?.extensions).toMatchObject({ reason: "SUBJECT_OUTSIDE_PURPOSE" });
  });

  it("shows disclosures only under their own enquiry, and only to those who may see that agency's summary", async () => {
    const other = manager.enquiries.find((candidate) => candidate.id !== enquiry.id);
    if (!other) throw new Error("the manager has one enquiry only");
    const underItsEnquiry = await manager.query(DISCLOSURES, { id: enquiry.id });
    expect(underItsEnquiry.errors).toBeUndefined();
    manager.declarePurpose(other);
    const wrongPurpose = await manager.query<{ enquiry: { policeDisclosures: unknown } }>(
      DISCLOSURES,
      {
        id: enquiry.id,
      },
    );
    expect(wrongPurpose.data?.enquiry.policeDisclosures).toBeNull();
    expect(wrongPurpose.errors?.[0]?.extensions).toMatchObject({ reason: "OUTSIDE_PURPOSE" });
    manager.declarePurpose(enquiry);

    const probation = await PersonaSession.signIn(stack.gatewayUrl, "probation-officer");
    probation.declarePurpose(enquiry);
    const noHealthSummary = await probation.query<{ enquiry: { healthDisclosures: unknown } }>(
      DISCLOSURES,
      {
        id: enquiry.id,
      },
    );
    expect(noHealthSummary.data?.enquiry.healthDisclosures).toBeNull();
    expect(noHealthSummary.errors?.map((error) => error.path?.join("."))).toContain(
      "enquiry.healthDisclosures",
    );
  });
});
