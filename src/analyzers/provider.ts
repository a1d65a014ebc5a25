import type { Lang } from "../i18n/lang";
import type { ProviderName } from "../provider-name";

export type { ProviderName };

/** What a provider is asked. `text` is already normalized and capped. */
export interface ExplainRequest {
  readonly text: string;
  readonly lang: Lang;
  /** Aborted when the caller gives up (timeout, shutdown); providers must abort their I/O. */
  readonly signal?: AbortSignal;
}

/** A provider's answer: plain text (never HTML), in the requested language. */
export interface ProviderAnswer {
  readonly text: string;
}

/**
 * Anything that can explain a news post. AI providers and the offline analyzer implement it;
 * a failing call throws {@link ProviderError}.
 */
export interface Provider {
  readonly name: ProviderName;
  explain(request: ExplainRequest): Promise<ProviderAnswer>;
}

/**
 * Why a provider call failed. `bad_request` is the request's fault (too long, content policy)
 * and does not count against the provider's breaker; every other kind does. `wrong_language`:
 * the answer was not in the script of the language asked for (the next provider is tried).
 */
export type ProviderFailureKind =
  | "timeout"
  | "network"
  | "server"
  | "rate_limited"
  | "auth"
  /** 402, or the provider says the quota, credit or billing is exhausted: like auth, it lasts. */
  | "quota"
  | "bad_request"
  | "malformed"
  | "wrong_language";

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  constructor(
    readonly provider: ProviderName,
    readonly kind: ProviderFailureKind,
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(`${provider}: ${kind}: ${message}`, options);
  }
}
