import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { MASH_AUTHORITY_FIELD } from "../authorization/purpose-verifier.js";
import { type AgencyCheckField, agencyCheckFields } from "./agency-check-fields.js";
import { type SupergraphSubgraph, subgraphsOf, subgraphsResolving } from "./join-graphs.js";

export type { SupergraphSubgraph };

export interface LoadedSupergraph {
  sdl: string;
  subgraphs: SupergraphSubgraph[];
  /** Per subgraph name, the fields through which it reports agency checks (`@agencyCheck`). */
  agencyChecks: ReadonlyMap<string, readonly AgencyCheckField[]>;
  /**
   * The subgraph that verifies declared purposes: the one resolving `Query.mashAuthority`, the
   * field the gateway asks; none in a supergraph without MASH enquiries.
   */
  purposeHost: string | undefined;
}

/** A supergraph's text, its subgraphs and what they declare to the gateway. */
export function loadSupergraph(sdl: string): LoadedSupergraph {
  const document = parse(sdl);
  return {
    sdl,
    subgraphs: subgraphsOf(document),
    agencyChecks: agencyCheckFields(document),
    purposeHost: subgraphsResolving(document, "Query", MASH_AUTHORITY_FIELD)[0],
  };
}

/** Reads a supergraph file. */
export function readSupergraph(path: string): LoadedSupergraph {
  return loadSupergraph(readFileSync(path, "utf8"));
}
