import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { isMet, policiesNamed, type Requirement } from "@mash/schema/authorization/requirement";
import type { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isObjectType,
} from "graphql";
import { type PurposeScope, purposeScopeOf } from "./purpose-scope.js";
import type { SubgraphAuthorization } from "./subgraph-authorization.js";
import { unauthorizedField } from "./unauthorized-error.js";

/** A request context that carries the subgraph's view of the caller. */
export interface AuthorizedContext {
  auth: SubgraphAuthorization;
}

/** The id a scope's `of` found, when it is one; anything else means "cannot tell". */
function idOf(
  scope: PurposeScope & { of: unknown },
  source: unknown,
  args: unknown,
): string | null {
  const value = (scope.of as (parent: unknown, args: unknown) => unknown)(source, args);
  return typeof value === "string" && value.length > 0 ? value : null;
}

/**
 * The record-level rule of a purpose-bound field, by its declared scope. Fails closed: a scope
 * that cannot name its subject or enquiry denies the field, whatever the caller's scopes.
 */
function checkPurpose(
  scope: PurposeScope,
  breakGlass: boolean,
  auth: SubgraphAuthorization,
  source: unknown,
  args: unknown,
): void {
  if (scope.about === "arguments") {
    // The resolver checks its input against the purpose; a purpose must still have been verified.
    if (!auth.authority.purpose) throw unauthorizedField("OUTSIDE_PURPOSE");
    return;
  }
  const id = idOf(scope, source, args);
  if (id === null) throw unauthorizedField("PURPOSE_SCOPE_UNDETERMINED");
  if (scope.about === "enquiry") {
    // Break-glass grants are per subject: an enquiry-scoped field can never be covered by one.
    if (breakGlass || auth.authority.purpose?.enquiryId !== id) {
      throw unauthorizedField("OUTSIDE_PURPOSE");
    }
    return;
  }
  // Data about someone outside the declared enquiry is not released, whatever the scopes.
  if (!auth.subjectInPurpose(id)) throw unauthorizedField("OUTSIDE_PURPOSE");
  if (breakGlass && !auth.breakGlassCovers(id)) throw unauthorizedField("NO_BREAK_GLASS");
}

function guard(
  requirement: Requirement,
  scope: PurposeScope | undefined,
  resolve: GraphQLFieldResolver<unknown, AuthorizedContext>,
): GraphQLFieldResolver<unknown, AuthorizedContext> {
  const policies = policiesNamed(requirement);
  const breakGlass = policies.has("break-glass");
  return (source, args, context, info) => {
    const { auth } = context;
    if (!isMet(requirement, auth.grants)) throw unauthorizedField("MISSING_REQUIREMENT");
    if (scope) checkPurpose(scope, breakGlass, auth, source, args);
    return resolve(source, args, context, info);
  };
}

/** Thrown while building a subgraph's schema: a purpose-bound field that declares no scope. */
export class UndeclaredPurposeScopeError extends Error {
  override readonly name = "UndeclaredPurposeScopeError";
}

/**
 * Wraps every field that declares a requirement (on itself or its type) so the subgraph enforces its
 * own SDL, exactly as the gateway does: a request that reaches the subgraph directly — `_entities`
 * included, since entity fields resolve through the same resolvers — gets null and an error for
 * anything its caller may not see. Fields with no requirement are left untouched. A field that
 * needs a purpose must declare what it is about (see purpose-scope.ts), or the schema is refused.
 */
export function enforceRequirements(schema: GraphQLSchema, index: RequirementIndex): GraphQLSchema {
  const undeclared: string[] = [];
  const enforced = mapSchema(schema, {
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
      const policies = policiesNamed(requirement);
      const purposeBound = policies.has("purpose") || policies.has("break-glass");
      const scope = purposeScopeOf(fieldConfig.resolve);
      if (purposeBound && !scope) {
        undeclared.push(`${typeName}.${fieldName}`);
        return fieldConfig;
      }
      return {
        ...fieldConfig,
        resolve: guard(requirement, purposeBound ? scope : undefined, resolve),
      };
    },
  });
  if (undeclared.length > 0) {
    throw new UndeclaredPurposeScopeError(
      `These fields need a purpose but do not declare what they are about, so they could not be checked against one: ${undeclared.join(", ")}. Define their resolvers with aboutSubject, aboutParentSubject, aboutEnquiry or scopedByArguments (@mash/platform/authorization/purpose-scope).`,
    );
  }
  return enforced;
}
