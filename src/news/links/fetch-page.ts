import type { Clock } from "../../clock";
import { type GuardOptions, type GuardRefusal, guardUrl } from "./url-guard";

/** Why a page could not be read; each has its own localized reply. */
export type FetchFailure =
  | GuardRefusal
  | "timeout"
  | "http_status"
  | "too_large"
  | "not_html"
  | "too_many_redirects"
  | "network";

export type FetchedPage =
  | {
      readonly ok: true;
      /** The URL the page was read from, after redirects. */
      readonly url: string;
      readonly contentType: "text/html" | "text/plain";
      readonly body: string;
    }
  | { readonly ok: false; readonly reason: FetchFailure; readonly status?: number };

export interface FetchPageDeps extends GuardOptions {
  readonly clock: Clock;
  readonly timeoutMs: number;
  /** Longest body read; a longer page is refused as too large. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
  /** Bun's fetch; tests may wrap it to count requests. */
  readonly fetch?: typeof fetch;
}

/**
 * Reads a web page safely: every URL (the first and each redirect) passes {@link guardUrl}
 * before it is requested, redirects are followed by hand (at most `maxRedirects`), the whole
 * read is bounded by `timeoutMs` on the injected clock, the body by `maxBytes`, and only
 * text/html or text/plain is accepted.
 */
export async function fetchPage(raw: string, deps: FetchPageDeps): Promise<FetchedPage> {
  const doFetch = deps.fetch ?? fetch;
  const controller = new AbortController();
  let timedOut = false;
  const cancel = deps.clock.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deps.timeoutMs);
  try {
    let target = raw;
    for (let hop = 0; ; hop++) {
      const guard = await guardUrl(target, deps);
      if (!guard.ok) return { ok: false, reason: guard.reason };
      if (timedOut) return { ok: false, reason: "timeout" };
      const response = await doFetch(guard.url, {
        redirect: "manual",
        signal: controller.signal,
        headers: { "user-agent": deps.userAgent, accept: "text/html,text/plain;q=0.9" },
      });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (hop >= deps.maxRedirects) return { ok: false, reason: "too_many_redirects" };
        target = new URL(location, guard.url).toString();
        continue;
      }
      return await readBody(response, guard.url.toString(), deps.maxBytes);
    }
  } catch {
    return { ok: false, reason: timedOut ? "timeout" : "network" };
  } finally {
    cancel();
  }
}

async function readBody(response: Response, url: string, maxBytes: number): Promise<FetchedPage> {
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, reason: "http_status", status: response.status };
  }
  const type = response.headers.get("content-type") ?? "";
  const mime = type.split(";")[0]?.trim().toLowerCase();
  if (mime !== "text/html" && mime !== "text/plain") {
    await response.body?.cancel();
    return { ok: false, reason: "not_html" };
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    return { ok: false, reason: "too_large" };
  }
  const bytes = await readAtMost(response, maxBytes);
  if (!bytes) return { ok: false, reason: "too_large" };
  return { ok: true, url, contentType: mime, body: decode(bytes, type) };
}

/** The whole body, or undefined as soon as it passes `maxBytes` (the rest is not read). */
async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Uint8Array, contentType: string): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  const sniffed =
    declared ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(
      new TextDecoder("latin1").decode(bytes.subarray(0, 2048)),
    )?.[1];
  try {
    return new TextDecoder(
      (sniffed ?? "utf-8") as ConstructorParameters<typeof TextDecoder>[0],
    ).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}
