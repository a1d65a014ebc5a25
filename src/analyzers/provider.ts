import type { Lang } from "../i18n/lang";
import type { ProviderName } from "../provider-name";
import type { TutorContext } from "./tutor-prompt";

export type { ProviderName };

/** Image types every vision provider (Groq, Mistral, Gemini) accepts. */
export type ImageMimeType = "image/jpeg" | "image/png" | "image/webp";

/** A screenshot or photo to explain, as downloaded (Telegram sends photos as JPEG). */
export interface ImageInput {
  readonly bytes: Uint8Array;
  readonly mimeType: ImageMimeType;
}

/**
 * What a provider is asked. `text` is already normalized and capped; with an `image` it is the
 * caption (possibly empty) and the news is in the image.
 */
export interface ExplainRequest {
  readonly text: string;
  readonly lang: Lang;
  /** Aborted when the caller gives up (timeout, shutdown); providers must abort their I/O. */
  readonly signal?: AbortSignal;
  /** Only for providers whose {@link Provider.vision} is true; others fail with `bad_request`. */
  readonly image?: ImageInput;
  /**
   * Asks for a streamed answer: called with the raw text received so far (not yet safe to
   * show: pass it through `draftOf`) each time it grows. The promise still resolves with the
   * shaped final answer only. Without it, the provider makes one plain (non-streamed) call.
   * Exceptions it throws are swallowed: a slow or failing display never fails the provider.
   */
  readonly onDelta?: (textSoFar: string) => void;
  /** Makes `text` a beginner's question, answered with the tutor prompt in this context. */
  readonly tutor?: TutorContext;
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
  /**
   * Whether it can read {@link ExplainRequest.image}; a chain skips it for images when not.
   * Absent means false (the offline analyzer and test doubles leave it out).
   */
  readonly vision?: boolean;
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
