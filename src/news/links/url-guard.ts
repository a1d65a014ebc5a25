import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/** Resolves a host name to every address it has (A and AAAA). */
export type Resolve = (host: string) => Promise<readonly string[]>;

export const systemResolve: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/** Why an address or URL is not fetched. */
export type GuardRefusal = "bad_url" | "telegram_link" | "refused_address" | "unresolved";

export type GuardResult =
  | { readonly ok: true; readonly url: URL }
  | { readonly ok: false; readonly reason: GuardRefusal };

export interface GuardOptions {
  readonly resolve: Resolve;
  /** Tests fetch from loopback; private, link-local and the rest stay refused even then. */
  readonly allowLoopback: boolean;
}

const TELEGRAM_HOSTS = /^(?:t\.me|telegram\.me|telegram\.dog)$/i;

/**
 * Whether an address may be fetched: only public unicast addresses, IPv4 or IPv6 (an
 * IPv4-mapped IPv6 address is judged as the IPv4 address it carries). Private, loopback,
 * link-local, multicast, unspecified, carrier-grade NAT, reserved and the rest are refused.
 */
export function isPublicAddress(address: string, allowLoopback = false): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) {
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  }
  const range = ip.range();
  return range === "unicast" || (allowLoopback && range === "loopback");
}

/**
 * Checks one URL before it is requested (the first one and every redirect target): http or
 * https only, not a Telegram link, and every address its host resolves to is public.
 */
export async function guardUrl(raw: string, options: GuardOptions): Promise<GuardResult> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "bad_url" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { ok: false, reason: "bad_url" };
  if (url.username || url.password) return { ok: false, reason: "bad_url" };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (TELEGRAM_HOSTS.test(host)) return { ok: false, reason: "telegram_link" };
  let addresses: readonly string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = await options.resolve(host);
    } catch {
      return { ok: false, reason: "unresolved" };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: "unresolved" };
  const allPublic = addresses.every((a) => isPublicAddress(a, options.allowLoopback));
  return allPublic ? { ok: true, url } : { ok: false, reason: "refused_address" };
}
