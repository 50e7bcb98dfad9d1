import { agencyLoaders } from "@mash/agency-kit/subgraph/agency-loaders";
import type { Database } from "@mash/platform/db/connect";
import { rowByColumn, rowsByColumn } from "@mash/platform/db/row-loaders";
import { asc, desc } from "drizzle-orm";
import * as tables from "./db/schema.js";

export type SocialCareDatabase = Database<typeof tables>;

/**
 * One DataLoader per lookup a resolver makes. Built fresh for every request, so a request batches
 * its own lookups (N subjects cost one statement per table) and never sees another caller's cache.
 */
export function createLoaders(db: SocialCareDatabase) {
  return {
    ...agencyLoaders(db, tables),
    enquiryById: rowByColumn(db, tables.enquiry, tables.enquiry.id),
    personById: rowByColumn(db, tables.person, tables.person.id),
    aliasesByPerson: rowsByColumn(db, tables.personAlias, tables.personAlias.personId),
    householdById: rowByColumn(db, tables.household, tables.household.id),
    membersByHousehold: rowsByColumn(db, tables.person, tables.person.householdId, [
      tables.person.dateOfBirth,
      tables.person.id,
    ]),
    relationshipsByPerson: rowsByColumn(db, tables.relationship, tables.relationship.personId),
    contactsByPerson: rowsByColumn(db, tables.contact, tables.contact.personId, [
      desc(tables.contact.receivedAt),
    ]),
    childProtectionPlansByPerson: rowsByColumn(
      db,
      tables.childProtectionPlan,
      tables.childProtectionPlan.personId,
      [desc(tables.childProtectionPlan.startDate)],
    ),
    childInNeedEpisodesByPerson: rowsByColumn(
      db,
      tables.childInNeedEpisode,
      tables.childInNeedEpisode.personId,
      [desc(tables.childInNeedEpisode.startDate)],
    ),
    lookedAfterEpisodesByPerson: rowsByColumn(
      db,
      tables.lookedAfterEpisode,
      tables.lookedAfterEpisode.personId,
      [desc(tables.lookedAfterEpisode.startDate)],
    ),
    earlyHelpEpisodesByPerson: rowsByColumn(
      db,
      tables.earlyHelpEpisode,
      tables.earlyHelpEpisode.personId,
      [desc(tables.earlyHelpEpisode.startDate)],
    ),
    adultSafeguardingConcernsByPerson: rowsByColumn(
      db,
      tables.adultSafeguardingConcern,
      tables.adultSafeguardingConcern.personId,
      [desc(tables.adultSafeguardingConcern.raisedAt)],
    ),
    allocationByPerson: rowByColumn(db, tables.allocation, tables.allocation.personId),
    // The MASH workflow.
    mashContactById: rowByColumn(db, tables.mashContact, tables.mashContact.id),
    mashContactPeopleByContact: rowsByColumn(
      db,
      tables.mashContactPerson,
      tables.mashContactPerson.contactId,
      [asc(tables.mashContactPerson.position)],
    ),
    mashContactsBySubject: rowsByColumn(
      db,
      tables.mashContact,
      tables.mashContact.subjectPersonId,
      [desc(tables.mashContact.receivedAt)],
    ),
    enquiryByContact: rowByColumn(db, tables.enquiry, tables.enquiry.contactId),
    ratingChangesByEnquiry: rowsByColumn(
      db,
      tables.enquiryRatingChange,
      tables.enquiryRatingChange.enquiryId,
      [asc(tables.enquiryRatingChange.changedAt), asc(tables.enquiryRatingChange.id)],
    ),
    checkSubjectsByEnquiry: rowsByColumn(
      db,
      tables.enquiryCheckSubject,
      tables.enquiryCheckSubject.enquiryId,
      [asc(tables.enquiryCheckSubject.requestedAt)],
    ),
    decisionByEnquiry: rowByColumn(db, tables.enquiryDecision, tables.enquiryDecision.enquiryId),
  };
}

export type SocialCareLoaders = ReturnType<typeof createLoaders>;
