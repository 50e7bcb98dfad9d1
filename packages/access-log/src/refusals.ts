import { randomUUID } from "node:crypto";
import { isUuid } from "@mash/platform/graphql/ids";
import type { Logger } from "@mash/platform/observability/logger";
import type { Principal } from "@mash/schema/authorization/principal";
import { principalFields } from "./access-record.js";
import { type AccessDenial, type AccessRecord, denialSet, setOf } from "./entry.js";
import type { RequestedOperation } from "./requested-operation.js";

/** A request refused before it ran: at sign-in (401) or at its declared purpose (403, …). */
export interface Refusal {
  requestId: string;
  clientRequestId: string | null;
  /** Who, when known: a verified caller, or the subject of a genuine but unusable token. */
  principal: Principal | null;
  principalId: string | null;
  /** The enquiry declared as purpose, when it was a well-formed id. */
  declaredPurpose: string | null;
  requested: RequestedOperation;
  /** Why: the refusal's `extensions.reason` (TOKEN_EXPIRED, NOT_A_PARTICIPANT, …) or its code. */
  reason: string;
  /** Who is refused, for the per-caller rate: the principal, else the network address. */
  callerKey: string;
}

export interface RefusalLogOptions {
  /** Refusals recorded in full per caller per window. */
  perWindow: number;
  /** Beyond the rate, every this many refusals is still recorded in full. */
  sampleEvery: number;
  windowMs?: number;
  /** Callers tracked at once; the oldest window is closed (and its count recorded) beyond it. */
  maxCallers?: number;
  /** Full entries per window across all callers: many callers at once are counted too. */
  globalPerWindow?: number;
}

interface CallerWindow {
  startedAt: Date;
  recorded: number;
  /** Refusals beyond the rate not recorded in full: the count goes on record. */
  counted: number;
  beyond: number;
  reasons: Set<string>;
  principalId: string;
  principal: Principal | null;
}

type Record_ = (record: AccessRecord) => Promise<void>;

/**
 * Puts refused requests on record without letting a flood fill the disk: each caller's first
 * `perWindow` refusals in a window are recorded in full; beyond that they are counted (and one in
 * `sampleEvery` still recorded in full), and the count is recorded when the window closes. The sum
 * of `requestCount` over refused and counted entries is every refusal.
 */
export class RefusalLog {
  readonly #record: Record_;
  readonly #logger: Logger;
  readonly #options: Required<RefusalLogOptions>;
  readonly #windows = new Map<string, CallerWindow>();
  #globalWindowStart = 0;
  #globalRecorded = 0;
  #now: () => Date;

  constructor(record: Record_, logger: Logger, options: RefusalLogOptions, now = () => new Date()) {
    this.#record = record;
    this.#logger = logger;
    this.#options = {
      windowMs: 60_000,
      maxCallers: 10_000,
      globalPerWindow: options.perWindow * 50,
      ...options,
    };
    this.#now = now;
  }

  /** Records (or counts) one refusal; never throws: the caller is refused either way. */
  async refuse(refusal: Refusal): Promise<void> {
    const now = this.#now();
    const window = this.#windowOf(refusal, now);
    window.reasons.add(refusal.reason);
    const underRate = window.recorded < this.#options.perWindow && this.#takeGlobal(now.getTime());
    if (underRate) {
      window.recorded += 1;
      return this.#write(refusedRecord(refusal, now));
    }
    window.beyond += 1;
    if (window.beyond % this.#options.sampleEvery === 0) {
      return this.#write(refusedRecord(refusal, now));
    }
    window.counted += 1;
  }

  /** Records the counts of every window that has closed (all of them with `all`). */
  async closeWindows(all = false): Promise<void> {
    const now = this.#now();
    const writes: Promise<void>[] = [];
    for (const [key, window] of this.#windows) {
      if (!all && now.getTime() - window.startedAt.getTime() < this.#options.windowMs) continue;
      this.#windows.delete(key);
      if (window.counted > 0) writes.push(this.#write(countedRecord(window, now)));
    }
    await Promise.all(writes);
  }

  #windowOf(refusal: Refusal, now: Date): CallerWindow {
    const existing = this.#windows.get(refusal.callerKey);
    if (existing && now.getTime() - existing.startedAt.getTime() < this.#options.windowMs) {
      return existing;
    }
    if (existing) {
      this.#windows.delete(refusal.callerKey);
      if (existing.counted > 0) void this.#write(countedRecord(existing, now));
    }
    if (this.#windows.size >= this.#options.maxCallers) {
      // Maps iterate in insertion order: the first is the oldest window.
      const [oldestKey, oldest] = this.#windows.entries().next().value ?? [];
      if (oldestKey !== undefined && oldest) {
        this.#windows.delete(oldestKey);
        if (oldest.counted > 0) void this.#write(countedRecord(oldest, now));
      }
    }
    const window: CallerWindow = {
      startedAt: now,
      recorded: 0,
      counted: 0,
      beyond: 0,
      reasons: new Set(),
      principalId: refusal.principal?.id ?? refusal.principalId ?? "anonymous",
      principal: refusal.principal,
    };
    this.#windows.set(refusal.callerKey, window);
    return window;
  }

  #takeGlobal(now: number): boolean {
    if (now - this.#globalWindowStart >= this.#options.windowMs) {
      this.#globalWindowStart = now;
      this.#globalRecorded = 0;
    }
    if (this.#globalRecorded >= this.#options.globalPerWindow) return false;
    this.#globalRecorded += 1;
    return true;
  }

  async #write(record: AccessRecord): Promise<void> {
    try {
      await this.#record(record);
    } catch (error) {
      // The request is refused whether or not this is recorded; the failure is for operators.
      this.#logger.warn(
        { requestId: record.requestId, error: (error as Error).message },
        "refused request not recorded",
      );
    }
  }
}

function baseRecord(now: Date) {
  return {
    id: randomUUID(),
    occurredAt: now,
    subjectIds: [],
    subjectsOutsidePurpose: [],
    fieldsReturned: [],
    arguments: {},
    breakGlassGrantIds: [],
    outcome: "denied" as const,
    clientRequestId: null,
  };
}

function denials(reasons: Iterable<string>): AccessDenial[] {
  return denialSet([...reasons].map((reason) => ({ path: "", reason, service: null })));
}

export function refusedRecord(refusal: Refusal, now: Date): AccessRecord {
  const who = refusal.principal
    ? principalFields({ principal: refusal.principal, purpose: null, breakGlass: [] })
    : {
        principalId: refusal.principalId ?? "anonymous",
        principalAgency: null,
        principalRoles: [],
      };
  const reasons = denials([refusal.reason]);
  return {
    ...baseRecord(now),
    kind: "refused",
    requestId: refusal.requestId,
    clientRequestId: refusal.clientRequestId,
    ...who,
    purposeEnquiryId:
      refusal.declaredPurpose && isUuid(refusal.declaredPurpose)
        ? refusal.declaredPurpose.toLowerCase()
        : null,
    operationName: refusal.requested.operationName,
    operationType: refusal.requested.operationType,
    fieldsRequested: setOf(refusal.requested.coordinates),
    fieldsDenied: [""],
    denials: reasons,
    requestCount: 1,
    countedSince: null,
  };
}

function countedRecord(window: CallerWindow, now: Date): AccessRecord {
  const who = window.principal
    ? principalFields({ principal: window.principal, purpose: null, breakGlass: [] })
    : { principalId: window.principalId, principalAgency: null, principalRoles: [] };
  return {
    ...baseRecord(now),
    kind: "refusals_counted",
    requestId: randomUUID(),
    ...who,
    purposeEnquiryId: null,
    operationName: null,
    operationType: "unknown",
    fieldsRequested: [],
    fieldsDenied: [""],
    denials: denials(window.reasons),
    requestCount: window.counted,
    countedSince: window.startedAt,
  };
}
