import { createHash } from "node:crypto";
import type { ApolloGateway } from "@apollo/gateway";
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from "@apollo/server-gateway-interface";
import { UNAUTHORIZED_FIELD_OR_TYPE } from "@mash/platform/authorization/unauthorized-error";
import { ErrorCode } from "@mash/platform/graphql/errors";
import type { Logger } from "@mash/platform/observability/logger";
import type { Holder } from "@mash/schema/authorization/requirement";
import type { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import {
  BREAK,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  print,
  visit,
} from "graphql";
import { LRUCache } from "lru-cache";
import { accessRecord, needsRecord, type RequestAccess } from "../access-log/access-record.js";
import { type AnswerRead, readAnswer } from "../access-log/answer-read.js";
import { filterDenials, refusalsIn } from "../access-log/denials.js";
import { type MutationTargets, mutationTargets } from "../access-log/mutation-arguments.js";
import { type ProtectedRead, protectedRead } from "../access-log/protected-coordinates.js";
import { type RequestedOperation, requestedOperation } from "../access-log/requested-operation.js";
import { stripHiddenSelections, withSubjectIdSelections } from "../access-log/subject-ids.js";
import type { AccessLogWriter } from "../access-log/writer.js";
import type { GatewayContext } from "../context.js";
import type { AuthorizationErrorPlacement, AuthorizationMode } from "./authorization-config.js";
import { completeResponse } from "./complete-response.js";
import { type FilterResult, filterOperation } from "./filter-operation.js";
import { selectOperation } from "./operation-input.js";

/** A filtered operation, ready to plan: cached so that a repeated operation costs one lookup. */
interface PreparedOperation {
  result: FilterResult;
  /** What to execute: filtered (or, in dry-run and off, the original), with hidden subject ids. */
  document: DocumentNode | null;
  operation: OperationDefinitionNode | null;
  source: string;
  queryHash: string;
  /** The protected fields it reads, for the access log. */
  read: ProtectedRead;
}

export interface AuthorizingGatewayOptions {
  mode: AuthorizationMode;
  errors: AuthorizationErrorPlacement;
  index: RequirementIndex;
  logger: Logger;
  /** Where accesses to protected data are recorded; without it nothing is. */
  accessLog?: AccessLogWriter;
  /** The entity whose ids the access log records (the MASH subject). */
  subjectType?: string;
  /** How many filtered operations to remember (per operation × permission set). */
  cacheSize?: number;
}

/** Printed characters of filtered operations kept: about 40 MB of parsed documents and plans. */
const PREPARED_CACHE_CHARACTERS = 2_000_000;

/** The answer when an access cannot be put on record: nothing protected leaves unrecorded. */
function accessLogUnavailable(): GraphQLError {
  return new GraphQLError(
    "Protected data was not released because the access could not be recorded. Try again shortly.",
    {
      extensions: {
        code: ErrorCode.ServiceUnavailable,
        reason: "ACCESS_LOG_UNAVAILABLE",
        http: { status: 503 },
      },
    },
  );
}

/**
 * A mutation ran (its intent is on record) but its outcome could not be recorded: the answer is
 * withheld, and the caller is told the change may have been made rather than invited to repeat it.
 */
function outcomeUnrecorded(): GraphQLError {
  return new GraphQLError(
    "The change was made and its intent is on record, but its outcome could not be recorded, so the answer is withheld. Check the record before trying again.",
    {
      extensions: {
        code: ErrorCode.ServiceUnavailable,
        reason: "ACCESS_LOG_UNAVAILABLE",
        intentRecorded: true,
        http: { status: 503 },
      },
    },
  );
}

/** The grants part of a cache key: two callers with equal grants get the same filtered operation. */
function holderKey(holder: Holder): string {
  return `${holder.authenticated ? 1 : 0}|${[...holder.scopes].sort().join(",")}|${[...holder.policies].sort().join(",")}`;
}

/**
 * Whether @include/@skip appear anywhere in the document: then the filter depends on variable
 * values, which must be part of the cache key. Decided on the parsed document, never the text
 * (`@ include` is the same directive, and a text match would miss it).
 */
function hasConditionalDirectives(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === "include" || node.name.value === "skip") {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function variablesKey(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): string {
  if (!variables || !hasConditionalDirectives(document)) return "";
  return createHash("sha256").update(JSON.stringify(variables)).digest("base64url");
}

/** The operation to run: the named one, or the document's only one. */
function findOperation(
  document: DocumentNode,
  operationName: string | null,
): OperationDefinitionNode | null {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName === null) return operations[0] ?? null;
  return operations.find((operation) => operation.name?.value === operationName) ?? null;
}

/** A client's mistake found while filtering (bad variables, no such operation): a 400, not a 500. */
function asClientError(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, http: { status: 400 } },
  });
}

export function unauthorizedError(path: string[], status?: number): GraphQLError {
  return new GraphQLError("Unauthorized field or type", {
    path,
    extensions: { code: UNAUTHORIZED_FIELD_OR_TYPE, ...(status ? { http: { status } } : {}) },
  });
}

/**
 * @apollo/gateway with the Apollo Router's authorization in front of query planning: each operation
 * is filtered for the caller before the planner sees it, so no subgraph is asked for a field the
 * caller may not see; the answer is put back into the requested shape with nulls and one error per
 * removed path. The filtered operation is hashed as the plan-cache key, so callers with the same
 * grants share query plans and the planner's cache keeps working.
 */
export class AuthorizingGateway implements GatewayInterface {
  readonly #inner: ApolloGateway;
  readonly #options: AuthorizingGatewayOptions;
  readonly #prepared: LRUCache<string, PreparedOperation>;
  #schema: GraphQLSchema | undefined;

  constructor(inner: ApolloGateway, options: AuthorizingGatewayOptions) {
    this.#inner = inner;
    this.#options = options;
    // Bounded by count and by size: 2,000 operations at the largest the limits allow (3,000 tokens)
    // would otherwise hold hundreds of MB. The printed source stands in for the document's size.
    this.#prepared = new LRUCache({
      max: options.cacheSize ?? 2_000,
      maxSize: PREPARED_CACHE_CHARACTERS,
      sizeCalculation: (prepared) => prepared.source.length + 1,
    });
  }

  async load(options: Parameters<GatewayInterface["load"]>[0]): Promise<GatewayLoadResult> {
    const loaded = await this.#inner.load(options);
    const executor = loaded.executor;
    if (!executor) return loaded;
    return { executor: (requestContext) => this.#execute(requestContext, executor) };
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    return this.#inner.onSchemaLoadOrUpdate((schemaContext) => {
      // A new supergraph means new types; filtered operations of the old one no longer apply.
      this.#schema = schemaContext.apiSchema;
      this.#prepared.clear();
      callback(schemaContext);
    });
  }

  stop(): Promise<void> {
    return this.#inner.stop();
  }

  /** Filtered operations remembered now, and at most (for /metrics). */
  get preparedOperations(): { entries: number; maxEntries: number } {
    return { entries: this.#prepared.size, maxEntries: this.#prepared.max };
  }

  /** What a request refused before execution asked for, for its access log entry. */
  requestedOperation(source: unknown, operationName: unknown): RequestedOperation {
    return requestedOperation(this.#schema, this.#options.index, source, operationName);
  }

  #prepare(requestContext: GatewayGraphQLRequestContext, holder: Holder): PreparedOperation {
    const schema = this.#schema ?? requestContext.schema;
    const variables = requestContext.request.variables;
    const key = [
      requestContext.queryHash,
      requestContext.operationName ?? "",
      holderKey(holder),
      variablesKey(requestContext.document, variables),
    ].join("\u0000");
    const cached = this.#prepared.get(key);
    if (cached) return cached;
    const result = filterOperation({
      schema,
      index: this.#options.index,
      holder,
      document: requestContext.document,
      operationName: requestContext.operationName,
      variables: variables ?? null,
    });
    // Filter mode executes the filtered operation; dry-run and off execute what was asked.
    const base = this.#options.mode === "filter" ? result.document : requestContext.document;
    const document =
      base && this.#options.accessLog
        ? withSubjectIdSelections(base, schema, this.#subjectType())
        : base;
    const source = document ? print(document) : "";
    const operation = document ? findOperation(document, requestContext.operationName) : null;
    const prepared: PreparedOperation = {
      result,
      document,
      operation,
      source,
      queryHash: createHash("sha256").update(source).digest("hex"),
      read: document
        ? protectedRead(document, schema, this.#options.index)
        : { coordinates: [], restricted: false },
    };
    this.#prepared.set(key, prepared);
    return prepared;
  }

  #placeErrors(response: GatewayExecutionResult, denied: GraphQLError[]): GatewayExecutionResult {
    if (denied.length === 0 || this.#options.errors === "none") return response;
    if (this.#options.errors === "extensions") {
      return {
        ...response,
        extensions: {
          ...response.extensions,
          authorizationErrors: denied.map((error) => error.toJSON()),
        },
      };
    }
    return { ...response, errors: [...denied, ...(response.errors ?? [])] };
  }

  async #execute(
    requestContext: GatewayGraphQLRequestContext,
    executor: GatewayExecutor,
  ): Promise<GatewayExecutionResult> {
    const context = requestContext.context as GatewayContext;
    // Apollo Server hands over requests whose operation it could not pick, to be told why; the
    // planner would fail on them with an error of no code (a 500), so the reason is given here.
    if (!requestContext.operation) {
      try {
        selectOperation(requestContext.document, requestContext.request.operationName);
      } catch (error) {
        if (error instanceof GraphQLError) return { errors: [asClientError(error)] };
        throw error;
      }
    }
    if (this.#options.mode === "off" && !this.#options.accessLog) return executor(requestContext);
    let prepared: PreparedOperation;
    try {
      prepared = this.#prepare(requestContext, context.grants);
    } catch (error) {
      if (error instanceof GraphQLError && typeof error.extensions.code === "string") {
        return { errors: [asClientError(error)] };
      }
      throw error;
    }
    const { result } = prepared;
    const filtering = this.#options.mode === "filter" || this.#options.mode === "reject";
    context.access.deniedPaths = filtering ? result.unauthorizedPaths : [];
    const refusedByFilter = filtering
      ? filterDenials(result.unauthorizedPaths, result.unauthorizedReasons)
      : [];
    const entry = this.#entryFor(requestContext, prepared);

    if (this.#options.mode === "reject" && result.changed) {
      context.access.rejected = true;
      const rejection = {
        // The status travels on the errors: Apollo Server would otherwise answer an errors-only
        // response with 400 (variable coercion), overriding a status set on the response.
        errors: result.unauthorizedPaths.map((path) => unauthorizedError(path, 403)),
      };
      return this.#onRecord(
        { ...entry, requested: [], denials: refusedByFilter, outcome: "rejected" },
        rejection,
      );
    }

    const denied = filtering ? result.unauthorizedPaths.map((path) => unauthorizedError(path)) : [];
    if (!prepared.document || !prepared.operation) {
      return this.#onRecord(
        { ...entry, requested: [], denials: refusedByFilter },
        this.#placeErrors({ data: null }, denied),
      );
    }
    const targets = this.#mutationTargets(requestContext, prepared);
    if (targets) {
      // A mutation is answerable before it acts: no intent on record, no change.
      try {
        await this.#options.accessLog?.record(
          accessRecord({
            ...entry,
            kind: "mutation_intent",
            subjectIds: targets.subjectIds,
            denials: refusedByFilter,
            arguments: targets.arguments,
            outcome: "pending",
          }),
        );
      } catch {
        return { errors: [accessLogUnavailable()] };
      }
    }
    // The planner sees only the prepared operation, and caches its plan under that text.
    const response = await executor({
      ...requestContext,
      document: prepared.document,
      operation: prepared.operation,
      source: prepared.source,
      queryHash: prepared.queryHash,
    });
    const executed = response.data ?? null;
    // Completed also when nothing was denied: a selection emptied by @skip/@include was executed
    // with the filter's hidden __typename, which completion strips so that nothing internal
    // reaches the client (stock @apollo/gateway answers `{}` there, and so does this).
    const data =
      this.#options.mode === "filter" && result.completion.root?.needsWork
        ? completeResponse(result.completion, executed)
        : executed;
    const read = this.#readAnswer(requestContext, prepared, data, executed);
    stripHiddenSelections(data);
    let answer: GatewayExecutionResult = { ...response, data };
    if (this.#options.mode === "dry-run" && result.changed) {
      this.#options.logger.info(
        {
          requestId: context.requestId,
          wouldDeny: result.unauthorizedPaths.map((p) => p.join(".")),
        },
        "authorization dry run",
      );
      answer = {
        ...answer,
        extensions: {
          ...response.extensions,
          authorizationDryRun: result.unauthorizedPaths.map((path) =>
            unauthorizedError(path).toJSON(),
          ),
        },
      };
    } else if (result.changed && this.#options.mode === "filter") {
      answer = this.#placeErrors(answer, denied);
    }
    return this.#onRecord(
      {
        ...entry,
        returned: read.returned,
        subjectIds: [...read.subjectIds, ...(targets?.subjectIds ?? [])],
        denials: [...refusedByFilter, ...refusalsIn(response.errors)],
        releasedByBreakGlass: read.releasedByBreakGlass,
        arguments: targets?.arguments ?? {},
      },
      answer,
    );
  }

  /** The parts of an entry every outcome shares. */
  #entryFor(
    requestContext: GatewayGraphQLRequestContext,
    prepared: PreparedOperation,
  ): RequestAccess {
    return {
      context: requestContext.context as GatewayContext,
      kind: "access",
      operationName: requestContext.operationName,
      operationType: requestContext.operation.operation,
      requested: prepared.read.coordinates,
      returned: [],
      subjectIds: [],
      denials: [],
      releasedByBreakGlass: new Set(),
      arguments: {},
    };
  }

  /** For a mutation the access log records, what it acts on; null otherwise. */
  #mutationTargets(
    requestContext: GatewayGraphQLRequestContext,
    prepared: PreparedOperation,
  ): MutationTargets | null {
    if (!this.#options.accessLog || !prepared.document || !prepared.operation) return null;
    if (prepared.operation.operation !== "mutation") return null;
    return mutationTargets({
      schema: this.#schema ?? requestContext.schema,
      document: prepared.document,
      operation: prepared.operation,
      variables: requestContext.request.variables ?? {},
      subjectType: this.#subjectType(),
    });
  }

  #subjectType(): string {
    return this.#options.subjectType ?? "Subject";
  }

  #readAnswer(
    requestContext: GatewayGraphQLRequestContext,
    prepared: PreparedOperation,
    answer: Record<string, unknown> | null,
    executed: Record<string, unknown> | null,
  ): AnswerRead {
    if (!this.#options.accessLog || !prepared.document || !prepared.operation) {
      return { returned: [], subjectIds: new Set(), releasedByBreakGlass: new Set() };
    }
    const context = requestContext.context as GatewayContext;
    return readAnswer({
      schema: this.#schema ?? requestContext.schema,
      index: this.#options.index,
      holder: context.grants,
      document: prepared.document,
      operation: prepared.operation,
      variables: requestContext.request.variables ?? {},
      answer,
      executed,
      subjectType: this.#subjectType(),
    });
  }

  /**
   * Releases the answer only once the access is on record (fail closed): if the log cannot be
   * written, the caller gets an error instead of the protected data.
   */
  async #onRecord(
    access: RequestAccess,
    answer: GatewayExecutionResult,
  ): Promise<GatewayExecutionResult> {
    const writer = this.#options.accessLog;
    if (!writer || !needsRecord(access)) return answer;
    try {
      await writer.record(accessRecord(access));
      return answer;
    } catch {
      return {
        errors: [
          access.operationType === "mutation" ? outcomeUnrecorded() : accessLogUnavailable(),
        ],
      };
    }
  }
}
