import { type AgencyImport, NO_MATCHES } from "@mash/agency-kit/import/agency-import";
import * as tables from "../db/schema.js";
import { socialCareRecordTypes } from "./record-types.js";

/** Social care's import and export: its record types and its history table. */
export const socialCareImport: AgencyImport<typeof tables> = {
  agency: "social-care",
  recordTypes: socialCareRecordTypes,
  historyTable: tables.importHistory,
  // Social care owns the MASH subjects: its person records are the subjects, so an import has
  // nothing to link and nothing to propose. The other agencies match their records against these.
  afterImport: () => async () => NO_MATCHES,
};
