import type { AgencyImport } from "@mash/agency-kit/import/agency-import";
import * as tables from "../db/schema.js";
import { policeMatching } from "../matching.js";
import { policeRecordTypes } from "./record-types.js";

/** The police's import and export: its record types, its history table and its matching. */
export const policeImport: AgencyImport<typeof tables> = {
  agency: "police",
  recordTypes: policeRecordTypes,
  historyTable: tables.importHistory,
  afterImport: (db) => policeMatching.importLinkage(db),
};
