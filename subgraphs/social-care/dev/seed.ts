import { addressToRow } from "@mash/agency-kit/db/address-columns";
import { personRow } from "@mash/agency-kit/db/person-record";
import { stableUuid } from "@mash/platform/db/deterministic-id";
import { insertInChunks } from "@mash/platform/db/insert-in-chunks";
import type { SubgraphSeeder } from "@mash/platform/subgraph/seeding";
import { hasRows } from "@mash/platform/subgraph/seeding";
import { MASH_TEAM_ROLES } from "@mash/schema/authorization/catalogue";
import { PERSONAS } from "@mash/schema/authorization/personas";
import type { TruePerson, World } from "@mash/synthetic-world/types";
import { seedFromWorld } from "@mash/synthetic-world/world-seed";
import * as tables from "../src/db/schema.js";
import type { SocialCareDatabase } from "../src/loaders.js";

/** The rows social care would hold of the synthetic world: its person records and their history. */
export function socialCareRows(world: World) {
  const records = world.records.socialCare;
  const peopleById = new Map<string, TruePerson>(world.people.map((p) => [p.id, p]));
  const recordByPerson = new Map(records.map((record) => [record.truePersonId, record]));
  const householdOf = (truePersonId: string) => peopleById.get(truePersonId)?.householdId;

  const knownHouseholds = new Set(
    records.map((record) => householdOf(record.truePersonId)).filter((id) => id !== undefined),
  );
  const households = world.households
    .filter((h) => knownHouseholds.has(h.id))
    .map((h) => ({ id: stableUuid(h.id, "household"), ...addressToRow(h.address) }));

  // A looked-after child's placement address is highly restricted: it lives only on the looked-after
  // episode, never as the person's address (which every practitioner may see).
  const placements = new Set(
    world.socialCare.lookedAfterEpisodes
      .filter((episode) => !episode.endDate)
      .map((episode) => `${episode.recordId}|${episode.placementAddress.uprn}`),
  );
  const householdAddress = new Map(world.households.map((h) => [h.id, h.address]));
  const recordedAddress = (record: (typeof records)[number], householdId: string | undefined) =>
    placements.has(`${record.recordId}|${record.address.uprn}`) && householdId
      ? householdAddress.get(householdId)
      : record.address;

  const persons = records.map((record) => {
    const householdId = householdOf(record.truePersonId);
    return {
      id: record.recordId,
      ...personRow(record, recordedAddress(record, householdId)),
      nhsNumber: record.nhsNumber ?? null,
      upn: record.upn ?? null,
      householdId: householdId ? stableUuid(householdId, "household") : null,
    };
  });

  const aliases = records.flatMap((record) =>
    record.aliases.map((alias) => ({ personId: record.recordId, ...alias })),
  );

  // The world says "from is <type> of to"; the table says "related person is <type> of person".
  const relationships = world.relationships.flatMap((link) => {
    const subject = recordByPerson.get(link.toId);
    const related = recordByPerson.get(link.fromId);
    if (!subject || !related) return [];
    return [
      {
        personId: subject.recordId,
        relatedPersonId: related.recordId,
        type: link.type,
        livesTogether: link.livesTogether,
      },
    ];
  });

  const events = world.socialCare;
  const enquiries = openEnquiries(world);
  return {
    enquiries,
    participants: enquiries.flatMap((enquiry) =>
      MASH_PERSONAS.map((persona) => ({
        enquiryId: enquiry.id,
        principalId: persona.id,
        agency: persona.agency,
        addedAt: enquiry.openedAt,
      })),
    ),
    households,
    persons,
    aliases,
    relationships,
    contacts: events.contacts.map((row) => ({
      id: stableUuid(row.id, "contact"),
      personId: row.recordId,
      receivedAt: new Date(row.receivedAt),
      referrerType: row.referrerType,
      concern: row.concern,
      summary: row.summary,
      consent: row.consent,
      consentReason: row.consentReason ?? null,
      outcome: row.outcome,
      decidedAt: new Date(row.decidedAt),
    })),
    childProtectionPlans: events.childProtectionPlans.map((row) => ({
      id: stableUuid(row.id, "cp-plan"),
      personId: row.recordId,
      category: row.category,
      startDate: row.startDate,
      endDate: row.endDate ?? null,
      unborn: row.unborn,
    })),
    childInNeedEpisodes: events.childInNeedEpisodes.map((row) => ({
      id: stableUuid(row.id, "cin"),
      personId: row.recordId,
      startDate: row.startDate,
      endDate: row.endDate ?? null,
      primaryNeed:
        row.primaryNeed.toLowerCase() as (typeof tables.cinPrimaryNeed.enumValues)[number],
    })),
    lookedAfterEpisodes: events.lookedAfterEpisodes.map((row) => ({
      id: stableUuid(row.id, "lac"),
      personId: row.recordId,
      startDate: row.startDate,
      endDate: row.endDate ?? null,
      legalStatus: row.legalStatus.toLowerCase() as (typeof tables.legalStatus.enumValues)[number],
      placementType: row.placementType,
      ...addressToRow(row.placementAddress),
    })),
    earlyHelpEpisodes: events.earlyHelpEpisodes.map((row) => ({
      id: stableUuid(row.id, "early-help"),
      personId: row.recordId,
      startDate: row.startDate,
      endDate: row.endDate ?? null,
      leadProfessional: row.leadProfessional,
      focus: row.focus,
    })),
    adultSafeguardingConcerns: events.adultSafeguardingConcerns.map((row) => ({
      id: stableUuid(row.id, "adult-concern"),
      personId: row.recordId,
      raisedAt: new Date(row.raisedAt),
      category: row.category,
      s42Enquiry: row.s42Enquiry,
      outcome: row.outcome,
    })),
    allocations: events.allocations.map((row) => ({
      personId: row.recordId,
      workerName: row.workerName,
      team: row.team,
      since: row.since,
    })),
  };
}

/** How many MASH enquiries the demo data has open. */
const SEEDED_ENQUIRIES = 12;

/** The personas who work in the MASH (not the auditor, the referrer or a data administrator). */
const MASH_PERSONAS = PERSONAS.filter((persona) =>
  persona.roles.some((role) => MASH_TEAM_ROLES.includes(role)),
);

/**
 * The demo's open MASH enquiries: one for each subject of the most recent contacts, so that the
 * personas have real purposes to declare. (The MASH workflow creates enquiries from contacts.)
 */
function openEnquiries(world: World) {
  const newestFirst = [...world.socialCare.contacts].sort((a, b) =>
    b.receivedAt.localeCompare(a.receivedAt),
  );
  const subjects = new Set<string>();
  const enquiries: { id: string; subjectId: string; openedAt: Date; openedBy: string }[] = [];
  for (const contact of newestFirst) {
    if (enquiries.length === SEEDED_ENQUIRIES) break;
    if (subjects.has(contact.recordId)) continue;
    subjects.add(contact.recordId);
    enquiries.push({
      id: stableUuid(`enquiry-${contact.id}`, "enquiry"),
      subjectId: contact.recordId,
      openedAt: new Date(contact.receivedAt),
      openedBy: "dev-social-worker",
    });
  }
  return enquiries;
}

/** Writes the rows of `socialCareRows` in one transaction; returns rows per table. */
function insertRows(db: SocialCareDatabase, world: World): Promise<Record<string, number>> {
  const rows = socialCareRows(world);
  return db.transaction(async (tx) => ({
    household: await insertInChunks(tx, tables.household, rows.households),
    person: await insertInChunks(tx, tables.person, rows.persons),
    person_alias: await insertInChunks(tx, tables.personAlias, rows.aliases),
    relationship: await insertInChunks(tx, tables.relationship, rows.relationships),
    contact: await insertInChunks(tx, tables.contact, rows.contacts),
    child_protection_plan: await insertInChunks(
      tx,
      tables.childProtectionPlan,
      rows.childProtectionPlans,
    ),
    child_in_need_episode: await insertInChunks(
      tx,
      tables.childInNeedEpisode,
      rows.childInNeedEpisodes,
    ),
    looked_after_episode: await insertInChunks(
      tx,
      tables.lookedAfterEpisode,
      rows.lookedAfterEpisodes,
    ),
    early_help_episode: await insertInChunks(tx, tables.earlyHelpEpisode, rows.earlyHelpEpisodes),
    adult_safeguarding_concern: await insertInChunks(
      tx,
      tables.adultSafeguardingConcern,
      rows.adultSafeguardingConcerns,
    ),
    allocation: await insertInChunks(tx, tables.allocation, rows.allocations),
    enquiry: await insertInChunks(tx, tables.enquiry, rows.enquiries),
    enquiry_participant: await insertInChunks(tx, tables.enquiryParticipant, rows.participants),
  }));
}

/** Development and tests only: the development server and test harnesses seed with it. */
export const socialCareSeeder: SubgraphSeeder<typeof tables> = {
  hasData: hasRows(tables.person, tables.person.id),
  seed: (db, options) => seedFromWorld(db, options, { insert: insertRows }),
};
