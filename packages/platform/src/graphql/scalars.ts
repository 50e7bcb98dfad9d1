import { GraphQLScalarType } from "graphql";
import { DateTimeResolver, LocalDateResolver } from "graphql-scalars";

/**
 * Each subgraph's SDL declares `scalar Date` (a calendar date, YYYY-MM-DD, no time zone: dates of
 * birth, plan start dates) and `scalar DateTime` (an instant, ISO 8601 with offset). The behaviour
 * comes from graphql-scalars so that every subgraph parses and serializes them identically; the
 * names are the SDL's, so schema transforms see one type per name.
 */
export const scalarResolvers = {
  Date: new GraphQLScalarType({ ...LocalDateResolver.toConfig(), name: "Date" }),
  DateTime: new GraphQLScalarType({ ...DateTimeResolver.toConfig(), name: "DateTime" }),
};
