import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLFormattedError,
  type ValidationContext,
} from "graphql";
import { z } from "zod";
import { parseEnv } from "../config/parse-env.js";
import { ErrorCode } from "./errors.js";

/**
 * How big one operation may be, checked before anything runs: a request over any limit is refused
 * with 400 and its own `extensions.code`, in a few milliseconds, whoever sends it. The gateway
 * checks what clients send; every subgraph checks again what reaches it (the gateway's query plans
 * add entity keys and `_entities` levels, so the subgraph limits sit above the gateway's). Why these
 * numbers: docs/decisions/0013-operation-limits-and-rate-limits.md.
 */
export interface OperationLimits {
  /** Lexical tokens in the document (graphql-js stops parsing past it). */
  tokens: number;
  /** Nesting of fields (fragments are flattened: they add no depth of their own). */
  depth: number;
  /** Aliased fields in an operation. */
  aliases: number;
  /** Directives in an operation (@include, @skip, …). */
  directives: number;
  /**
   * graphql-armor's cost: 1 per leaf, 2 per object, ×1.5 per level of nesting, × a literal
   * `first`/`last` argument. Bounds wide-and-deep documents that each other limit lets through.
   */
  cost: number;
}

/** The largest documented operation is the authorization matrix: 577 tokens, depth 7, cost 1,640. */
export const GATEWAY_OPERATION_LIMITS: OperationLimits = {
  tokens: 3_000,
  depth: 12,
  aliases: 30,
  directives: 20,
  cost: 20_000,
};

/** Room for what the gateway's query planner adds to each subgraph fetch. */
export const SUBGRAPH_OPERATION_LIMITS: OperationLimits = {
  tokens: 6_000,
  depth: 16,
  aliases: 100,
  directives: 50,
  cost: 50_000,
};

/** One `extensions.code` per limit, so a client can tell which one it ran into. */
export const OperationLimitCode = {
  tokens: ErrorCode.OperationTooManyTokens,
  depth: ErrorCode.OperationTooDeep,
  aliases: ErrorCode.OperationTooManyAliases,
  directives: ErrorCode.OperationTooManyDirectives,
  cost: ErrorCode.OperationTooCostly,
} as const satisfies Record<keyof OperationLimits, string>;

export const OPERATION_LIMIT_CODES: ReadonlySet<string> = new Set(
  Object.values(OperationLimitCode),
);

const LIMIT_VARIABLES = {
  tokens: "OPERATION_MAX_TOKENS",
  depth: "OPERATION_MAX_DEPTH",
  aliases: "OPERATION_MAX_ALIASES",
  directives: "OPERATION_MAX_DIRECTIVES",
  cost: "OPERATION_MAX_COST",
} as const satisfies Record<keyof OperationLimits, string>;

/** `OPERATION_MAX_*` over the service's defaults; a limit can be tuned but never switched off. */
export function loadOperationLimits(
  service: string,
  defaults: OperationLimits,
  env: NodeJS.ProcessEnv = process.env,
): OperationLimits {
  const limit = (fallback: number) =>
    z.coerce.number().int().min(1).max(1_000_000).default(fallback);
  const parsed = parseEnv(
    service,
    z.object({
      [LIMIT_VARIABLES.tokens]: limit(defaults.tokens),
      [LIMIT_VARIABLES.depth]: limit(defaults.depth),
      [LIMIT_VARIABLES.aliases]: limit(defaults.aliases),
      [LIMIT_VARIABLES.directives]: limit(defaults.directives),
      [LIMIT_VARIABLES.cost]: limit(defaults.cost),
    }),
    env,
  ) as Record<string, number>;
  const value = (key: keyof OperationLimits) => parsed[LIMIT_VARIABLES[key]] ?? defaults[key];
  return {
    tokens: value("tokens"),
    depth: value("depth"),
    aliases: value("aliases"),
    directives: value("directives"),
    cost: value("cost"),
  };
}

/** Reports a limit's rejection as a validation error carrying that limit's own code. */
function rejectWith(key: keyof OperationLimits, limit: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    // graphql-armor words every rejection as a syntax error; it is not one.
    const detail = error.message.replace(/^Syntax Error: /, "");
    context?.reportError(
      new GraphQLError(`The operation is over a limit: ${detail}`, {
        extensions: { code: OperationLimitCode[key], limit },
      }),
    );
  };
}

/**
 * Parsed and validated documents kept for reuse, by their JSON size. Apollo's default (30 MiB of
 * JSON) held about 150 MB of live heap after 10,000 distinct documents, which reads as a leak from
 * outside; a few MiB keep every query plan's and client's hot documents.
 */
const DOCUMENT_CACHE_BYTES = 4 * 1024 * 1024;

/**
 * Apollo Server options that enforce `limits`: graphql-armor's validation rules for depth, aliases,
 * directives and cost, and graphql-js's own token limit while parsing (the same check as armor's
 * max-tokens, without a second parse, and refused as a parse failure rather than a server error).
 */
export function operationLimitOptions(limits: OperationLimits) {
  const armor = new ApolloArmor({
    maxTokens: { enabled: false },
    // Suggestions are removed from every message by `clientFacingError`, not only field ones.
    blockFieldSuggestion: { enabled: false },
    maxDepth: {
      n: limits.depth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [rejectWith("depth", limits.depth)],
    },
    maxAliases: {
      n: limits.aliases,
      propagateOnRejection: false,
      onReject: [rejectWith("aliases", limits.aliases)],
    },
    maxDirectives: {
      n: limits.directives,
      propagateOnRejection: false,
      onReject: [rejectWith("directives", limits.directives)],
    },
    costLimit: {
      maxCost: limits.cost,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [rejectWith("cost", limits.cost)],
    },
  });
  const { validationRules } = armor.protect();
  return {
    validationRules,
    parseOptions: { maxTokens: limits.tokens },
    allowBatchedHttpRequests: false,
    // An operation over a limit is reported first; past ten errors validation stops, so a document
    // built to produce thousands of them costs no more than one that produces ten.
    validationOptions: { maxErrors: 10 },
    documentStore: new InMemoryLRUCache<DocumentNode>({ maxSize: DOCUMENT_CACHE_BYTES }),
  };
}

/** graphql-js 16's words when `maxTokens` stops the parser ("more that": sic). */
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] (\d+) tokens/;
/** "Did you mean …?" in graphql-js's messages names fields, arguments, types and enum values. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * What a client is told about an error from parsing or validation: the limit's own code where a
 * limit refused the operation (Apollo reports every validation error as GRAPHQL_VALIDATION_FAILED
 * and a token limit as GRAPHQL_PARSE_FAILED), and, outside development, no "Did you mean …"
 * suggestions, which would name fields and types to someone exploring the graph blind.
 */
export function clientFacingError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: { suggestions: boolean },
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const limitCode =
    original instanceof GraphQLError && OPERATION_LIMIT_CODES.has(String(original.extensions.code))
      ? original.extensions
      : null;
  const tokens = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
  const message = options.suggestions
    ? formatted.message
    : formatted.message.replace(SUGGESTION, "");
  if (limitCode) {
    return { ...formatted, message, extensions: { ...formatted.extensions, ...limitCode } };
  }
  if (tokens && formatted.extensions?.code === "GRAPHQL_PARSE_FAILED") {
    return {
      ...formatted,
      message: `The operation is over a limit: more than ${tokens[1]} tokens.`,
      extensions: {
        ...formatted.extensions,
        code: OperationLimitCode.tokens,
        limit: Number(tokens[1]),
      },
    };
  }
  return message === formatted.message ? formatted : { ...formatted, message };
}
