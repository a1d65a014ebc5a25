import { autoRetry } from "@grammyjs/auto-retry";
import { HttpError, type Transformer } from "grammy";

/** The signal grammY hands a transformer (typed with its abort-controller shim). */
type Signal = Parameters<Transformer>[3];

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: Signal) => Promise<void>;

export interface RetryOptions {
  /**
   * Waits before each retry of a call that failed on the network or with a 5xx; one try more
   * than there are entries. The default (1+2+4+8 s) gives up about 15 s after the first try.
   */
  readonly delaysMs?: readonly number[];
  /** Tests pass one that does not wait. */
  readonly sleep?: Sleep;
}

/** 429s: retry_after is waited out up to a minute, three times at most, then the call fails. */
const RATE_LIMIT_POLICY = {
  maxRetryAttempts: 3,
  maxDelaySeconds: 60,
  // Network errors and 5xx are retried, boundedly, by transientRetry below.
  rethrowHttpErrors: true,
  rethrowInternalServerErrors: true,
} as const;

const DEFAULT_DELAYS_MS = [1000, 2000, 4000, 8000] as const;

/**
 * Calls never retried: a draft is superseded by the next one within a second, and waiting out a
 * 429 for it would only hold back the final message.
 */
const NOT_RETRIED = new Set(["sendMessageDraft"]);

/**
 * The Bot API retry policy, innermost first: @grammyjs/auto-retry for 429s, then a bounded
 * retry of network errors and 5xx. Every call ends, in success or failure, within seconds:
 * auto-retry alone retries network errors forever. Drafts are sent once.
 */
export function botApiRetry(options: RetryOptions = {}): Transformer[] {
  return [autoRetry(RATE_LIMIT_POLICY), transientRetry(options)].map(exceptDrafts);
}

function exceptDrafts(transformer: Transformer): Transformer {
  return (prev, method, payload, signal) =>
    NOT_RETRIED.has(method)
      ? prev(method, payload, signal)
      : transformer(prev, method, payload, signal);
}

/** Retries a call that failed on the network or with a 5xx after each of `delaysMs`. */
export function transientRetry({
  delaysMs = DEFAULT_DELAYS_MS,
  sleep = abortableSleep,
}: RetryOptions = {}): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      const delay = delaysMs[attempt];
      try {
        const result = await prev(method, payload, signal);
        if (result.ok || result.error_code < 500 || delay === undefined) return result;
      } catch (error) {
        if (!(error instanceof HttpError) || delay === undefined || signal?.aborted) throw error;
      }
      await sleep(delay, signal);
    }
  };
}

/** setTimeout as a promise that rejects when `signal` aborts. */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const aborted = () => new Error("Bot API call aborted while waiting to retry");
    if (signal?.aborted) return reject(aborted());
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(aborted());
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
