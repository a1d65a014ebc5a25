import type { Clock } from "../../clock";
import { createLinkReader, type LinkReader } from "./read-link";
import { cacheReadings } from "./reading-cache";
import { type Resolve, systemResolve } from "./url-guard";

/** The most of a page read (the 2 MB); a larger page is refused as too large. */
export const LINK_MAX_BYTES = 2 * 1024 * 1024;
export const LINK_MAX_REDIRECTS = 3;
/** Sites see who is asking. */
export const LINK_USER_AGENT = "RVX/0.1 (Telegram bot that explains crypto news; link reader)";
/** Links whose article is kept in memory, by canonical URL. */
const KEPT_READINGS = 500;

export interface LinkSettings {
  /** LINK_FETCH */
  readonly fetch: boolean;
  /** LINK_FETCH_TIMEOUT_MS */
  readonly timeoutMs: number;
  /** LINK_FETCH_ALLOW_PRIVATE: loopback only; private networks stay refused. */
  readonly allowPrivate: boolean;
}

/** The link reader RVX runs with: the settings above, each article read once per `keepMs`. */
export function setUpLinkReader(
  settings: LinkSettings,
  deps: { readonly clock: Clock; readonly keepMs: number; readonly resolve?: Resolve },
): LinkReader {
  const read = createLinkReader({
    enabled: settings.fetch,
    clock: deps.clock,
    timeoutMs: settings.timeoutMs,
    maxBytes: LINK_MAX_BYTES,
    maxRedirects: LINK_MAX_REDIRECTS,
    userAgent: LINK_USER_AGENT,
    resolve: deps.resolve ?? systemResolve,
    allowLoopback: settings.allowPrivate,
  });
  return cacheReadings(read, { clock: deps.clock, ttlMs: deps.keepMs, maxEntries: KEPT_READINGS });
}
