import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { isMet, policiesNamed, type Requirement } from "@mash/schema/authorization/requirement";
import type { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isObjectType,
} from "graphql";
import type { SubgraphAuthorization } from "./subgraph-authorization.js";
import { unauthorizedField } from "./unauthorized-error.js";

/** A request context that carries the subgraph's view of the caller. */
export interface AuthorizedContext {
  auth: SubgraphAuthorization;
}

/**
 * The subject a record belongs to. Section objects and the records that carry break-glass fields
 * expose `subjectId`; record-level rules fail closed when it is absent.
 */
function subjectIdOf(source: unknown): string | undefined {
  if (typeof source !== "object" || source === null) return undefined;
  const value = (source as { subjectId?: unknown }).subjectId;
  return typeof value === "string" ? value : undefined;
}

function guard(
  requirement: Requirement,
  resolve: GraphQLFieldResolver<unknown, AuthorizedContext>,
): GraphQLFieldResolver<unknown, AuthorizedContext> {
  const policies = policiesNamed(requirement);
  const purposeBound = policies.has("purpose");
  const breakGlass = policies.has("break-glass");
  return (source, args, context, info) => {
    const { auth } = context;
    if (!isMet(requirement, auth.grants)) throw unauthorizedField("MISSING_REQUIREMENT");
    if (purposeBound || breakGlass) {
      const subjectId = subjectIdOf(source);
      // Data about someone outside the declared enquiry is not released, whatever the scopes.
      if (subjectId !== undefined && !auth.subjectInPurpose(subjectId)) {
        throw unauthorizedField("OUTSIDE_PURPOSE");
      }
      if (breakGlass && (subjectId === undefined || !auth.breakGlassCovers(subjectId))) {
        throw unauthorizedField("NO_BREAK_GLASS");
      }
    }
    return resolve(source, args, context, info);
  };
}

/**
 * Wraps every field that declares a requirement (on itself or its type) so the subgraph enforces its
 * own SDL, exactly as the gateway does: a request that reaches the subgraph directly — `_entities`
 * included, since entity fields resolve through the same resolvers — gets null and an error for
 * anything its caller may not see. Fields with no requirement are left untouched.
 */
export function enforceRequirements(schema: GraphQLSchema, index: RequirementIndex): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const parent = schema.getType(typeName);
      if (!isObjectType(parent)) return fieldConfig;
      const field = parent.getFields()[fieldName];
      if (!field) return fieldConfig;
      const requirement = index.fieldRequirement(schema, parent, field);
      const declared =
        requirement.authenticated ||
        requirement.scopes.length > 0 ||
        requirement.policies.length > 0;
      if (!declared) return fieldConfig;
      const resolve = (fieldConfig.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<
        unknown,
        AuthorizedContext
      >;
      return { ...fieldConfig, resolve: guard(requirement, resolve) };
    },
  });
}
