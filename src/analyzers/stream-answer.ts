import { classifyError } from "./classify-error";
import { ProviderError, type ProviderName } from "./provider";

/** One chunk of a streamed answer, as each adapter reads it from its SDK. */
export interface StreamPiece {
  readonly text: string;
  /** The finish reason, on the chunk that carries one (`stop`, `length`, `STOP`, …). */
  readonly finish?: string | undefined;
}

/** Who hears about a stream while it runs. */
export interface StreamWatch {
  /** Gets the raw text so far each time it grows. */
  readonly onDelta?: ((textSoFar: string) => void) | undefined;
  /** Gets the seconds from the call's start to the first text (rvx_first_token_seconds). */
  readonly onFirstToken?: ((seconds: number) => void) | undefined;
  /** The injected clock's `now`. */
  readonly now: () => number;
  /** `now()` when the call was sent. */
  readonly startedAt: number;
  /** The call's abort signal: groq-sdk ends an aborted stream quietly instead of throwing. */
  readonly signal?: AbortSignal | undefined;
}

/** A stream read to its end: the whole raw text and the finish reason that closed it. */
export interface StreamedAnswer {
  readonly text: string;
  readonly finish: string;
}

/**
 * Reads a streamed answer to its end, passing the text so far to `onDelta` as it grows. A
 * stream that ends without a finish reason stopped mid-answer (a proxy closed it, the server
 * died): that is a `network` {@link ProviderError}, so the half answer is never used and the
 * breaker counts it; one that ends because `signal` aborted is a `timeout`. Errors from the
 * stream itself (a reset, an abort) propagate for the adapter to classify.
 */
export async function readStream(
  provider: ProviderName,
  pieces: AsyncIterable<StreamPiece>,
  watch: StreamWatch,
): Promise<StreamedAnswer> {
  let text = "";
  let finish: string | undefined;
  for await (const piece of pieces) {
    if (piece.text) {
      if (!text) watch.onFirstToken?.((watch.now() - watch.startedAt) / 1000);
      text += piece.text;
      notify(watch.onDelta, text);
    }
    if (piece.finish) finish = piece.finish;
  }
  if (finish === undefined && watch.signal?.aborted) {
    throw new ProviderError(provider, "timeout", "aborted while streaming", undefined, {
      cause: watch.signal.reason,
    });
  }
  if (finish === undefined) {
    throw new ProviderError(
      provider,
      "network",
      `stream ended without a finish reason after ${text.length} characters`,
    );
  }
  return { text, finish };
}

/** A display that throws must not fail the call it is watching. */
function notify(onDelta: ((text: string) => void) | undefined, text: string): void {
  try {
    onDelta?.(text);
  } catch {
    // Deliberately ignored: drafts are best effort, the final answer is what counts.
  }
}

/** One call as an adapter makes it through its SDK: streamed piece by piece, or whole. */
export interface SdkCall {
  readonly stream: () => Promise<AsyncIterable<StreamPiece>>;
  readonly complete: () => Promise<StreamedAnswer>;
}

/** What {@link callSdk} needs besides the call itself. */
export interface SdkCallWatch extends Omit<StreamWatch, "startedAt"> {
  /** Redacted from the error a failed call becomes. */
  readonly apiKey: string;
}

/**
 * Makes one provider call the way every adapter does: streamed through {@link readStream} when
 * the caller watches the text (`onDelta`), else whole; any SDK error becomes that provider's
 * {@link ProviderError} with the key redacted.
 */
export async function callSdk(
  provider: ProviderName,
  call: SdkCall,
  watch: SdkCallWatch,
): Promise<StreamedAnswer> {
  try {
    if (!watch.onDelta) return await call.complete();
    const startedAt = watch.now();
    return await readStream(provider, await call.stream(), { ...watch, startedAt });
  } catch (error) {
    throw classifyError(provider, error, { secrets: [watch.apiKey] });
  }
}

/** The caller's signal joined with the call's own deadline (`timeoutMs` from now). */
export function callSignal(signal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const deadline = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, deadline]) : deadline;
}
