import { nameKey } from "@mash/record-linkage/name-key-sql";
import {
  date,
  index,
  type PgColumn,
  type PgColumnBuilderBase,
  pgEnum,
  serial,
  text,
} from "drizzle-orm/pg-core";
import { type Address, addressColumns, addressToRow } from "./address-columns.js";

// Every agency keeps people: social care its MASH person, the others their own records of a person
// (nominal, patient, offender). The identity columns are the same in each, under the same names, so
// that record matching, import and the shared GraphQL types read any of them alike. Each agency's
// schema module re-exports the enums: drizzle-kit creates only the enums a schema module exports.

/** Enum values are the lower-case forms of the SDL's `Sex` and `Gender`. */
export const sex = pgEnum("sex", ["female", "male"]);
export const gender = pgEnum("gender", ["female", "male", "non_binary", "not_known"]);

/** A person record's name, sex, gender, date of birth and address (each nullable but the name). */
export function personColumns() {
  return {
    givenName: text("given_name").notNull(),
    middleNames: text("middle_names").array().notNull().default([]),
    familyName: text("family_name").notNull(),
    sex: sex("sex"),
    gender: gender("gender"),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    ...addressColumns(),
  };
}

interface MatchedColumns {
  dateOfBirth: PgColumn;
  addressPostcode: PgColumn;
  familyName: PgColumn;
  givenName: PgColumn;
}

/**
 * What record matching blocks on, each an index of the agency's person table `name`: date of birth,
 * postcode and the pair family name, given name in the matcher's normal form (`nameKey`).
 */
export function matchingIndexes(name: string, table: MatchedColumns) {
  return [
    index(`${name}_date_of_birth_idx`).on(table.dateOfBirth),
    index(`${name}_postcode_idx`).on(table.addressPostcode),
    index(`${name}_name_key_idx`).on(nameKey(table.familyName), nameKey(table.givenName)),
  ];
}

/**
 * The columns of `<person>_alias`: the other names a person record is known by, keyed by the
 * record's own id in the column `key` (the agency's name for it, e.g. `nominalId` for
 * `nominal_id`). Each agency builds the table itself (`pgTable(…, personAliasColumns(…),
 * (table) => personAliasIndexes(…))`), as with `personColumns`: a table built here would reach the
 * agencies through this package's emitted declarations, which lose drizzle's column types.
 */
export function personAliasColumns<K extends string, TColumn extends PgColumnBuilderBase>(
  key: K,
  column: TColumn,
) {
  // A computed key widens to `string`; the cast gives it back its literal name.
  const recordColumn = { [key]: column } as Record<K, TColumn>;
  return {
    id: serial("id").primaryKey(),
    ...recordColumn,
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
  };
}

/**
 * The indexes of `<person>_alias`.
 *
 * @param person the person table's name (`nominal`, `patient`, …): the alias table is named after it.
 * @param record the column referring to the person record.
 * @param indexName the index on that column (named as each agency's migrations already create it).
 * @param matched whether record linkage looks records up by their aliases (every agency that
 *   matches: an index on the names' normal form); social care, which matches nothing, says false.
 */
export function personAliasIndexes(
  person: string,
  table: { record: PgColumn; givenName: PgColumn; familyName: PgColumn },
  indexName: string,
  { matched = true }: { matched?: boolean } = {},
) {
  return [
    index(indexName).on(table.record),
    // Blocking finds a record by any name it is known by, in the matcher's normal form.
    ...(matched
      ? [
          index(`${person}_alias_name_key_idx`).on(
            nameKey(table.familyName),
            nameKey(table.givenName),
          ),
        ]
      : []),
  ];
}

/** A person's identity as an agency's source gives it (an export, the synthetic world). */
export interface PersonIdentity {
  givenName: string;
  middleNames: string[];
  familyName: string;
  sex: (typeof sex.enumValues)[number] | null;
  gender: (typeof gender.enumValues)[number] | null;
  dateOfBirth: string | null;
  address?: Address | undefined;
}

/** The `personColumns` of a row for `person` (`address` in its place when given: a placement). */
export function personRow(person: PersonIdentity, address = person.address) {
  return {
    givenName: person.givenName,
    middleNames: person.middleNames,
    familyName: person.familyName,
    sex: person.sex,
    gender: person.gender,
    dateOfBirth: person.dateOfBirth,
    ...addressToRow(address),
  };
}
