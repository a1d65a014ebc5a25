import { ProviderError, type ProviderFailureKind, type ProviderName } from "./provider";

/** What {@link classifyError} needs besides the error: secrets to hide and the time. */
export interface ClassifyOptions {
  /** Strings (the API key) that must never appear in the resulting message. */
  readonly secrets?: readonly string[];
  /** For Retry-After given as an HTTP date. */
  readonly now?: () => number;
}

/** Fetch and socket error codes (Node, undici, Bun) that mean the connection failed. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "ConnectionRefused",
  "ConnectionClosed",
  "FailedToOpenSocket",
]);

const TIMEOUT_NAMES = new Set([
  "AbortError",
  "TimeoutError",
  "APIUserAbortError", // groq
  "APIConnectionTimeoutError", // groq
  "RequestAbortedError", // mistral
  "RequestTimeoutError", // mistral
]);

const NETWORK_NAMES = new Set(["APIConnectionError", "ConnectionError"]);

const MALFORMED_NAMES = new Set(["SyntaxError", "ResponseValidationError", "SDKValidationError"]);

const MAX_MESSAGE = 300;

/**
 * Maps whatever an SDK or fetch threw into a {@link ProviderError}: aborts and timeouts,
 * connection failures, HTTP statuses (groq `status`/`headers`, Mistral `statusCode`/`headers`,
 * genai `ApiError.status` with the JSON body as its message) and unparsable answers.
 */
export function classifyError(
  provider: ProviderName,
  error: unknown,
  { secrets = [], now = Date.now }: ClassifyOptions = {},
): ProviderError {
  // Ours already, possibly wrapped by an SDK (the capped fetch throws from inside it).
  const ours = causeChain(error).find((e) => e instanceof ProviderError);
  if (ours instanceof ProviderError) return ours;
  const fail = (kind: ProviderFailureKind, retryAfterMs?: number) =>
    new ProviderError(provider, kind, describe(error, secrets), retryAfterMs, { cause: error });

  const chain = causeChain(error);
  if (chain.some((e) => TIMEOUT_NAMES.has(nameOf(e)))) return fail("timeout");

  const status = statusOf(error);
  if (status !== undefined) {
    const retryAfterMs = status === 429 ? retryAfterOf(error, now) : undefined;
    if (quotaExhausted(status, messageOf(error), retryAfterMs)) return fail("quota");
    const kind = kindOfStatus(status, error);
    return kind === "rate_limited" ? fail(kind, retryAfterMs) : fail(kind);
  }

  if (chain.some((e) => NETWORK_NAMES.has(nameOf(e)) || NETWORK_CODES.has(codeOf(e)))) {
    return fail("network");
  }
  if (chain.some((e) => MALFORMED_NAMES.has(nameOf(e)))) return fail("malformed");
  // fetch reports most socket failures as a bare TypeError.
  if (chain.some((e) => e instanceof TypeError)) return fail("network");
  return fail("server");
}

/** Parses Retry-After: delay-seconds or an HTTP date. Returns milliseconds, never negative. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Wording providers use when the account, not the minute, has run out. */
const QUOTA_WORDS =
  /insufficient_quota|quota (?:exceeded|exhausted)|exceeded (?:your |the )?(?:current )?quota|billing|credit balance|out of credits|insufficient (?:credits?|balance|funds)|payment required/i;
/** A per-minute or per-second quota is a rate limit that passes on its own. */
const SHORT_WINDOW = /per ?(?:minute|second)|PerMinute|PerSecond|\bRPM\b|\bTPM\b/i;

/**
 * Whether the failure says the account cannot be served until someone pays or raises a quota
 * (402, or a 400/403/429 that says so): that lasts like a rejected key, so it opens the breaker
 * for the longest cooldown. A 429 with a retry hint or a per-minute quota stays a rate limit
 * (Gemini says "exceeded your current quota" for both, and adds RetryInfo for the short one).
 */
export function quotaExhausted(
  status: number,
  message: string,
  retryAfterMs: number | undefined,
): boolean {
  if (status === 402) return true;
  if (status !== 400 && status !== 403 && status !== 429) return false;
  if (!QUOTA_WORDS.test(message) || SHORT_WINDOW.test(message)) return false;
  return !(status === 429 && retryAfterMs !== undefined && !/PerDay|per ?day/i.test(message));
}

function kindOfStatus(status: number, error: unknown): ProviderFailureKind {
  if (status === 429) return "rate_limited";
  if (status === 401 || status === 403) return "auth";
  if (status === 408) return "timeout";
  // Gemini answers a wrong API key with 400 INVALID_ARGUMENT.
  if (status === 400 && /API_KEY_INVALID|API key not valid/i.test(messageOf(error))) return "auth";
  if (status === 400 || status === 413 || status === 422) return "bad_request";
  // Anything else (404 for an unknown model, 5xx) is the provider's side and counts against it.
  return "server";
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  for (const key of ["status", "statusCode"] as const) {
    const value = (error as Record<string, unknown>)[key];
    if (typeof value === "number" && value >= 400 && value < 600) return value;
  }
  return undefined;
}

function retryAfterOf(error: unknown, now: () => number): number | undefined {
  const headers = headersOf(error);
  const ms = Number(headers?.get("retry-after-ms") ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  return parseRetryAfter(headers?.get("retry-after"), now()) ?? retryInfoDelay(messageOf(error));
}

function headersOf(error: unknown): Headers | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { headers, rawResponse } = error as { headers?: unknown; rawResponse?: unknown };
  if (headers instanceof Headers) return headers;
  if (rawResponse instanceof Response) return rawResponse.headers;
  return undefined;
}

/** Google APIs put the delay in the body: details[{ "@type": "…RetryInfo", retryDelay: "7s" }]. */
function retryInfoDelay(message: string): number | undefined {
  const match = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(message);
  return match?.[1] === undefined ? undefined : Math.round(Number(match[1]) * 1000);
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && chain.length < 8; ) {
    chain.push(e);
    e = typeof e === "object" && "cause" in e ? e.cause : undefined;
  }
  return chain;
}

function nameOf(error: unknown): string {
  if (typeof error !== "object" || error === null) return "";
  const name = (error as { name?: unknown }).name;
  const ctor = (error as { constructor?: { name?: unknown } }).constructor?.name;
  // Some SDK errors keep the generic "Error" name; their class name is what tells them apart.
  return typeof name === "string" && name !== "Error" ? name : typeof ctor === "string" ? ctor : "";
}

function codeOf(error: unknown): string {
  const code =
    typeof error === "object" && error !== null ? (error as { code?: unknown }).code : "";
  return typeof code === "string" ? code : "";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describe(error: unknown, secrets: readonly string[]): string {
  let message = `${nameOf(error) || typeof error}: ${messageOf(error)}`.replace(/\s+/g, " ");
  for (const secret of secrets) {
    if (secret) message = message.split(secret).join("[redacted]");
  }
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}
