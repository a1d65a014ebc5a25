import { cleanUrl } from "../normalize";

/**
 * The URL a link is cached under: tracking parameters and the fragment removed, host in lower
 * case, default port and a trailing slash dropped, remaining query parameters sorted.
 */
export function canonicalUrl(raw: string): string {
  const cleaned = cleanUrl(raw);
  let url: URL;
  try {
    url = new URL(cleaned);
  } catch {
    return cleaned;
  }
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, "");
  url.searchParams.sort();
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : "";
  const query = url.searchParams.toString();
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ""}`;
}

/**
 * The words of a URL's last meaningful path segment ("sec-approves-spot-bitcoin-etfs" ->
 * "sec approves spot bitcoin etfs"), for explaining a link that could not be read.
 */
export function urlSlugText(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "";
  }
  const segments = url.pathname
    .split("/")
    .map((s) => safeDecode(s).replace(/\.(?:s?html?|php|aspx?)$/i, ""))
    .filter((s) => /[\p{L}]{2,}.*[-_+ ].*[\p{L}]{2,}/u.test(s));
  const slug = segments.at(-1) ?? "";
  return slug
    .split(/[-_+ ]+/)
    .filter((word) => word && !/^\d{4,}$/.test(word) && !/^[0-9a-f]{8,}$/i.test(word))
    .join(" ")
    .trim();
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
