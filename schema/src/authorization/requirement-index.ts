import {
  type ConstArgumentNode,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
} from "graphql";
import { both, NO_REQUIREMENT, type Requirement } from "./requirement.js";

// A subgraph may import the directives under their own names or use the federation__ prefix; the
// supergraph uses the spec names. All three spell the same requirement.
const AUTHENTICATED = new Set(["authenticated", "federation__authenticated"]);
const REQUIRES_SCOPES = new Set(["requiresScopes", "federation__requiresScopes"]);
const POLICY = new Set(["policy", "federation__policy"]);

function listOfLists(argument: ConstArgumentNode | undefined): string[][] {
  if (!argument) return [];
  const value = valueFromASTUntyped(argument.value);
  if (!Array.isArray(value)) return [];
  return value.map((inner) => (Array.isArray(inner) ? inner.map(String) : [String(inner)]));
}

/** The requirement spelled by a list of directive applications (several combine with AND). */
export function requirementFromDirectives(
  directives: readonly ConstDirectiveNode[] | undefined,
): Requirement {
  let requirement = NO_REQUIREMENT;
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    const argument = (argName: string) =>
      directive.arguments?.find((arg) => arg.name.value === argName);
    if (AUTHENTICATED.has(name)) {
      requirement = both(requirement, { authenticated: true, scopes: [], policies: [] });
    } else if (REQUIRES_SCOPES.has(name)) {
      requirement = both(requirement, {
        authenticated: true,
        scopes: listOfLists(argument("scopes")),
        policies: [],
      });
    } else if (POLICY.has(name)) {
      requirement = both(requirement, {
        authenticated: true,
        scopes: [],
        policies: listOfLists(argument("policies")),
      });
    }
  }
  return requirement;
}

/**
 * Every requirement an SDL declares, by type and by field coordinate. Built from the supergraph at
 * the gateway (where the API schema no longer carries the directives) and from its own SDL in each
 * subgraph, so both enforce exactly what the SDL says.
 */
export class RequirementIndex {
  readonly #types = new Map<string, Requirement>();
  readonly #fields = new Map<string, Requirement>();
  readonly #resolved = new Map<string, Requirement>();

  static fromSdl(document: DocumentNode): RequirementIndex {
    const index = new RequirementIndex();
    for (const definition of document.definitions) {
      if (
        definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
        definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
        definition.kind !== Kind.INTERFACE_TYPE_EXTENSION &&
        definition.kind !== Kind.UNION_TYPE_DEFINITION &&
        definition.kind !== Kind.ENUM_TYPE_DEFINITION &&
        definition.kind !== Kind.SCALAR_TYPE_DEFINITION
      ) {
        continue;
      }
      const typeName = definition.name.value;
      index.#add(index.#types, typeName, requirementFromDirectives(definition.directives));
      if (!("fields" in definition)) continue;
      for (const field of definition.fields ?? []) {
        index.#add(
          index.#fields,
          `${typeName}.${field.name.value}`,
          requirementFromDirectives(field.directives),
        );
      }
    }
    return index;
  }

  #add(map: Map<string, Requirement>, key: string, requirement: Requirement) {
    const existing = map.get(key);
    map.set(key, existing ? both(existing, requirement) : requirement);
  }

  /** The requirement declared on a type itself. */
  typeRequirement(typeName: string): Requirement {
    return this.#types.get(typeName) ?? NO_REQUIREMENT;
  }

  /** The requirement declared on a field itself (`Type.field`). */
  declaredFieldRequirement(typeName: string, fieldName: string): Requirement {
    return this.#fields.get(`${typeName}.${fieldName}`) ?? NO_REQUIREMENT;
  }

  /**
   * What reading a named type needs: its own requirement, and for an interface or union every
   * possible type's as well (a value of the abstract type may be any of them).
   */
  returnTypeRequirement(schema: GraphQLSchema, type: GraphQLNamedType): Requirement {
    let requirement = this.typeRequirement(type.name);
    if (isAbstractType(type)) {
      for (const possible of schema.getPossibleTypes(type)) {
        requirement = both(requirement, this.typeRequirement(possible.name));
      }
    }
    return requirement;
  }

  /**
   * Everything selecting `parent.field` needs: the field's own requirement (on an interface, the
   * field's requirement in every implementation too) and its return type's. Memoised: the schema
   * is fixed for the life of the index.
   */
  fieldRequirement(
    schema: GraphQLSchema,
    parent: GraphQLNamedType,
    field: GraphQLField<unknown, unknown>,
  ): Requirement {
    const key = `${parent.name}.${field.name}`;
    const cached = this.#resolved.get(key);
    if (cached) return cached;
    let requirement = this.declaredFieldRequirement(parent.name, field.name);
    if (isInterfaceType(parent)) {
      for (const implementation of schema.getPossibleTypes(parent)) {
        requirement = both(
          requirement,
          this.declaredFieldRequirement(implementation.name, field.name),
        );
      }
    }
    requirement = both(requirement, this.returnTypeRequirement(schema, getNamedType(field.type)));
    this.#resolved.set(key, requirement);
    return requirement;
  }

  /** Type names and field coordinates with any requirement: for tests and documentation. */
  declared(): { types: string[]; fields: string[] } {
    return { types: [...this.#types.keys()], fields: [...this.#fields.keys()] };
  }

  /** True when the type's fields are protected by a requirement on the type itself. */
  isTypeProtected(typeName: string): boolean {
    const requirement = this.typeRequirement(typeName);
    return (
      requirement.authenticated || requirement.scopes.length > 0 || requirement.policies.length > 0
    );
  }
}

export function isObjectOrInterface(type: GraphQLNamedType): boolean {
  return isObjectType(type) || isInterfaceType(type);
}
