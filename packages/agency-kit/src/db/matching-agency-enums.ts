// The enums of a matching agency's tables (see `matchingAgencyTables`), for its schema module to
// re-export with `export * from`: drizzle-kit creates only the enums a schema module exports.

export { linkEventKind, matchBand, matchStatus } from "@mash/record-linkage/match-tables";
export * from "./agency-enums.js";
export { linkSource } from "./subject-link.js";
