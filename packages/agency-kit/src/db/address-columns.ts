import { text } from "drizzle-orm/pg-core";

/**
 * The address columns every agency table uses, under the same names (`address_line1` …), so that
 * one mapper turns any of them into the shared GraphQL `Address`. Nullable: an address may be unknown.
 */
export function addressColumns() {
  return {
    addressLine1: text("address_line1"),
    addressLine2: text("address_line2"),
    addressTown: text("address_town"),
    addressPostcode: text("address_postcode"),
    addressUprn: text("address_uprn"),
  };
}

/** An address as the graph's shared `Address` type has it. */
export interface Address {
  line1: string;
  line2?: string;
  town: string;
  postcode: string;
  /** Unique Property Reference Number; empty when the agency did not record one. */
  uprn: string;
}

export interface AddressRow {
  addressLine1: string | null;
  addressLine2: string | null;
  addressTown: string | null;
  addressPostcode: string | null;
  addressUprn: string | null;
}

/** The GraphQL `Address` for a row, or null when the row has no address. */
export function addressFromRow(row: AddressRow): Address | null {
  if (!row.addressLine1 || !row.addressTown || !row.addressPostcode) return null;
  return {
    line1: row.addressLine1,
    ...(row.addressLine2 ? { line2: row.addressLine2 } : {}),
    town: row.addressTown,
    postcode: row.addressPostcode,
    uprn: row.addressUprn ?? "",
  };
}

/** The columns for an address, ready to insert. */
export function addressToRow(address: Address | undefined): AddressRow {
  return {
    addressLine1: address?.line1 ?? null,
    addressLine2: address?.line2 ?? null,
    addressTown: address?.town ?? null,
    addressPostcode: address?.postcode ?? null,
    addressUprn: address?.uprn ?? null,
  };
}
