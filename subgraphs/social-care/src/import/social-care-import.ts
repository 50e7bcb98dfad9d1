import type { AgencyImport } from "@mash/runtime/import/agency-import";
import * as tables from "../db/schema.js";
import { matchAfterImport } from "./after-import-hook.js";
import { socialCareRecordTypes } from "./record-types.js";

/** Social care's import and export: its record types and its history table. */
export const socialCareImport: AgencyImport<typeof tables> = {
  agency: "social-care",
  recordTypes: socialCareRecordTypes,
  historyTable: tables.importHistory,
  afterImport: () => matchAfterImport,
};
