// The enums of the tables every agency keeps (see `agency-tables`), for an agency's schema module
// to re-export with `export * from`: drizzle-kit creates only the enums a schema module exports.
export { disclosureDecision, lawfulBasis } from "../disclosure/disclosure-table.js";
export { gender, sex } from "./person-record.js";
