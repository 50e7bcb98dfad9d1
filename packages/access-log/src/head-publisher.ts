import type { Logger } from "@mash/platform/observability/logger";
import { type HeadSink, latestPublishedHead } from "./head-sinks.js";
import type { ChainSignatureVerifier, ChainSigner, SignedHead } from "./signed-head.js";
import type { ChainHead, ChainStore } from "./store.js";
import { verifyChain } from "./verify.js";

export interface HeadPublisherOptions {
  /** A checkpoint is stored once this many entries follow the previous one (and at shutdown). */
  checkpointEvery: number;
}

/**
 * On a timer and at shutdown: verifies what was added since the last time, signs the head, stores
 * a checkpoint now and then, and publishes the signed head to every sink. Publishing is what makes
 * the newest entries as safe as the older ones: cut or rewritten, they no longer match a head kept
 * where the database's administrator cannot reach.
 */
export class HeadPublisher {
  readonly #store: ChainStore;
  readonly #signer: ChainSigner;
  readonly #signatures: ChainSignatureVerifier;
  readonly #sinks: readonly HeadSink[];
  readonly #logger: Logger;
  readonly #options: HeadPublisherOptions;
  #published: ChainHead | null = null;
  #running: Promise<SignedHead | null> = Promise.resolve(null);

  constructor(options: {
    store: ChainStore;
    signer: ChainSigner;
    signatures: ChainSignatureVerifier;
    sinks: readonly HeadSink[];
    logger: Logger;
    checkpointEvery: number;
  }) {
    this.#store = options.store;
    this.#signer = options.signer;
    this.#signatures = options.signatures;
    this.#sinks = options.sinks;
    this.#logger = options.logger;
    this.#options = { checkpointEvery: options.checkpointEvery };
  }

  get sinks(): readonly HeadSink[] {
    return this.#sinks;
  }

  /** The newest head the sinks hold. */
  latestPublished(): Promise<SignedHead | null> {
    return latestPublishedHead(this.#sinks);
  }

  /** Publishes the head if it moved (one run at a time); `final` also stores a checkpoint. */
  publish(final = false): Promise<SignedHead | null> {
    this.#running = this.#running.catch(() => null).then(() => this.#publish(final));
    return this.#running;
  }

  async #publish(final: boolean): Promise<SignedHead | null> {
    const head = await this.#store.head();
    if (!head || (this.#published?.seq === head.seq && this.#published.hash === head.hash)) {
      return null;
    }
    // Never sign what does not verify: a head signed over tampered entries would vouch for them.
    const verification = await verifyChain(this.#store, {
      signatures: this.#signatures,
      publishedHead: await this.latestPublished(),
      trustedFrom: this.#published,
    });
    if (!verification.valid || !verification.head) {
      this.#logger.error(
        { accessLogBroken: verification.firstBroken },
        "access log chain does not verify: head not published",
      );
      return null;
    }
    const signed = await this.#signer.signHead(verification.head);
    const checkpoint = await this.#store.latestCheckpoint();
    if (final || signed.seq - (checkpoint?.seq ?? 0) >= this.#options.checkpointEvery) {
      await this.#store.addCheckpoint({
        seq: signed.seq,
        hash: signed.hash,
        signedAt: new Date(signed.at),
        jws: signed.jws,
      });
    }
    const outcomes = await Promise.allSettled(this.#sinks.map((sink) => sink.publish(signed)));
    outcomes.forEach((outcome, i) => {
      if (outcome.status === "rejected") {
        this.#logger.error(
          { sink: this.#sinks[i]?.name, error: String(outcome.reason) },
          "access log head not published to a sink",
        );
      }
    });
    this.#published = { seq: signed.seq, hash: signed.hash };
    this.#logger.info({ accessLogHead: { seq: signed.seq, hash: signed.hash } }, "access log head");
    return signed;
  }

  async close(): Promise<void> {
    await Promise.all(this.#sinks.map((sink) => sink.close()));
  }
}
