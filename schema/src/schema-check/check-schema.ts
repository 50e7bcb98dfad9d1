import { type Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import { apiSchemaOf } from "../api-schema.js";
import { composeSupergraph, type SubgraphDocument } from "../compose.js";
import { type Acknowledgement, acknowledges } from "./acknowledgements.js";
import { requirementChanges } from "./requirement-changes.js";
import { subgraphOwners } from "./subgraph-owners.js";

export type ChangeLevel = "breaking" | "dangerous" | "safe";

/** One change to the API, as an agency needs to read it. */
export interface SchemaChange {
  level: ChangeLevel;
  /** graphql-inspector's change type (FIELD_REMOVED, …), or REQUIREMENT_CHANGED. */
  type: string;
  /** The schema coordinate: `Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`. */
  coordinate: string;
  message: string;
  /** Why it is breaking or dangerous, when there is more to say. */
  reason?: string;
  /** The subgraphs that define the coordinate (before the change, after it, or both). */
  subgraphs: string[];
  /** A breaking change listed in the acknowledgements. */
  acknowledged: boolean;
}

export interface SchemaCheckResult {
  /** The composed supergraph of the subgraphs checked. */
  supergraph: string;
  changes: SchemaChange[];
  /** Acknowledgements that match no change: done with, to be removed. */
  unusedAcknowledgements: Acknowledgement[];
  /** Whether the check passes: no breaking change that is not acknowledged. */
  passed: boolean;
}

const LEVELS: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: "breaking",
  [CriticalityLevel.Dangerous]: "dangerous",
  [CriticalityLevel.NonBreaking]: "safe",
};

/**
 * graphql-inspector reports a new field's description as a change of its own ("has description
 * ..."); beside the addition itself it says nothing, so it is left out.
 */
function withoutRedundantDescriptions(changes: Change[]): Change[] {
  const added = new Set(
    changes
      .filter((change) => /_ADDED$/.test(change.type) && !/DESCRIPTION/.test(change.type))
      .map((change) => change.path),
  );
  return changes.filter(
    (change) => !(/DESCRIPTION_ADDED$/.test(change.type) && added.has(change.path)),
  );
}

export interface SchemaCheckInput {
  /** The supergraph to compare with: the committed one. */
  baseSupergraph: string;
  /** The subgraphs' SDLs as they are now. */
  subgraphs: readonly SubgraphDocument[];
  acknowledgements: readonly Acknowledgement[];
}

/**
 * Composes the subgraphs (throws CompositionError when they do not compose), then diffs the API
 * schema of the result against the base's with graphql-inspector, and adds the changes to who may
 * see what. Each change names its coordinate and the subgraphs that own it.
 */
export async function checkSchema(input: SchemaCheckInput): Promise<SchemaCheckResult> {
  const supergraph = composeSupergraph(input.subgraphs);
  const before = { sdl: input.baseSupergraph, api: apiSchemaOf(input.baseSupergraph) };
  const after = { sdl: supergraph, api: apiSchemaOf(supergraph) };
  const ownersBefore = subgraphOwners(before.sdl);
  const ownersAfter = subgraphOwners(after.sdl);
  const ownersOf = (coordinate: string) =>
    [...new Set([...ownersBefore.of(coordinate), ...ownersAfter.of(coordinate)])].sort();

  const used = new Set<Acknowledgement>();
  const acknowledged = (change: { coordinate: string; type: string }) => {
    const match = input.acknowledgements.find((candidate) => acknowledges(candidate, change));
    if (match) used.add(match);
    return match !== undefined;
  };

  const apiChanges = withoutRedundantDescriptions(await diff(before.api, after.api)).map(
    (change: Change): SchemaChange => {
      const coordinate = change.path ?? "(schema)";
      const level = LEVELS[change.criticality.level];
      return {
        level,
        type: String(change.type),
        coordinate,
        message: change.message,
        ...(change.criticality.reason ? { reason: change.criticality.reason } : {}),
        subgraphs: ownersOf(coordinate),
        acknowledged:
          level === "breaking" && acknowledged({ coordinate, type: String(change.type) }),
      };
    },
  );
  const visibilityChanges = requirementChanges(before, after).map(
    (change): SchemaChange => ({
      level: "dangerous",
      type: "REQUIREMENT_CHANGED",
      coordinate: change.coordinate,
      message: `Who may see '${change.coordinate}' changed from ${change.before} to ${change.after}`,
      reason:
        "Callers who lose access get null and an UNAUTHORIZED_FIELD_OR_TYPE error where they had " +
        "data; callers who gain it see records they could not before. Agree it with the data " +
        "protection officer, and run npm run docs:authorization.",
      subgraphs: ownersOf(change.coordinate),
      acknowledged: false,
    }),
  );
  const changes = [...apiChanges, ...visibilityChanges];
  return {
    supergraph,
    changes,
    unusedAcknowledgements: input.acknowledgements.filter((entry) => !used.has(entry)),
    passed: changes.every((change) => change.level !== "breaking" || change.acknowledged),
  };
}
