import type { AgencyImport } from "@mash/agency-kit/import/agency-import";
import * as tables from "../db/schema.js";
import { probationMatching } from "../matching.js";
import { probationRecordTypes } from "./record-types.js";

/** Probation's import and export: its record types, its history table and its matching. */
export const probationImport: AgencyImport<typeof tables> = {
  agency: "probation",
  recordTypes: probationRecordTypes,
  historyTable: tables.importHistory,
  afterImport: (db) => probationMatching.importLinkage(db),
};
