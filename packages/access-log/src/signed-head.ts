import type {
  GatewayPrivateJwk,
  GatewayPublicJwks,
  GatewaySignatureAlgorithm,
} from "@mash/platform/auth/gateway-keys";
import { canonicalJson } from "@mash/platform/integrity/canonical-json";
import { CompactSign, compactVerify, createLocalJWKSet, importJWK } from "jose";
import type { ChainHead } from "./store.js";

/** The JWS type of a signed head: not a token, and never mistaken for one. */
export const SIGNED_HEAD_TYPE = "mash-access-log-head+jws";

/** What every signed statement about the chain names, so one log's heads cannot pass for another's. */
const LOG = "mash-access-log";

/** A head (or an archive's anchors) as signed by the gateway: the payload and its compact JWS. */
export interface SignedHead {
  seq: number;
  hash: string;
  /** When it was signed (ISO 8601). */
  at: string;
  jws: string;
}

/** The anchors of an archived segment, signed like a head. */
export interface ArchiveAnchors {
  month: string;
  fromSeq: number;
  toSeq: number;
  prevHash: string;
  lastHash: string;
  entries: number;
}

export interface ChainSigner {
  signHead(head: ChainHead, at?: Date): Promise<SignedHead>;
  signArchive(anchors: ArchiveAnchors): Promise<string>;
}

const encoder = new TextEncoder();

/**
 * Signs heads and archive anchors with the gateway's own key (the one subgraphs already trust), so
 * anyone holding the gateway's public key can check them, and nobody without its private key, a
 * database administrator included, can make one.
 */
export function createChainSigner(jwk: GatewayPrivateJwk): ChainSigner {
  const alg: GatewaySignatureAlgorithm = jwk.alg ?? "EdDSA";
  let key: ReturnType<typeof importJWK> | undefined;
  const sign = async (payload: Record<string, unknown>) => {
    key ??= importJWK(jwk, alg);
    return new CompactSign(encoder.encode(canonicalJson({ log: LOG, ...payload })))
      .setProtectedHeader({ alg, kid: jwk.kid, typ: SIGNED_HEAD_TYPE })
      .sign(await key);
  };
  return {
    async signHead(head, at = new Date()) {
      const signedAt = at.toISOString();
      const jws = await sign({ kind: "head", seq: head.seq, hash: head.hash, at: signedAt });
      return { seq: head.seq, hash: head.hash, at: signedAt, jws };
    },
    signArchive: (anchors) => sign({ kind: "archive", ...anchors }),
  };
}

export interface ChainSignatureVerifier {
  /** The payload of a genuine signature by a trusted key, or null. */
  payload(jws: string): Promise<Record<string, unknown> | null>;
  /** Whether `jws` is a genuine signature of exactly this head. */
  verifiesHead(head: { seq: number; hash: string; at?: string }, jws: string): Promise<boolean>;
}

/** Checks signed heads and anchors against the gateway's public keys (GATEWAY_PUBLIC_KEYS). */
export function createChainSignatureVerifier(jwks: GatewayPublicJwks): ChainSignatureVerifier {
  const keys = createLocalJWKSet(jwks);
  const algorithms = [...new Set(jwks.keys.map((jwk) => jwk.alg))];
  const payload = async (jws: string) => {
    try {
      const verified = await compactVerify(jws, keys, { algorithms });
      if (verified.protectedHeader.typ !== SIGNED_HEAD_TYPE) return null;
      const parsed = JSON.parse(new TextDecoder().decode(verified.payload)) as unknown;
      if (typeof parsed !== "object" || parsed === null) return null;
      const record = parsed as Record<string, unknown>;
      return record.log === LOG ? record : null;
    } catch {
      return null;
    }
  };
  return {
    payload,
    async verifiesHead(head, jws) {
      const signed = await payload(jws);
      return (
        signed?.kind === "head" &&
        signed.seq === head.seq &&
        signed.hash === head.hash &&
        (head.at === undefined || signed.at === head.at)
      );
    },
  };
}
