import type { AgencyImport } from "@mash/agency-kit/import/agency-import";
import * as tables from "../db/schema.js";
import { healthMatching } from "../matching.js";
import { healthRecordTypes } from "./record-types.js";

/** Health's import and export: its record types, its history table and its matching. */
export const healthImport: AgencyImport<typeof tables> = {
  agency: "health",
  recordTypes: healthRecordTypes,
  historyTable: tables.importHistory,
  afterImport: (db) => healthMatching.importLinkage(db),
};
