const TRACKING_PARAM =
  /^(utm_\w+|fbclid|gclid|dclid|yclid|msclkid|mc_cid|mc_eid|igshid|si|ref|ref_src|ref_url|_ga|_gl|spm|share|s)$/i;
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
// Emoji, pictographs, keycaps, skin tones, flags and the joiners that glue them.
const EMOJI =
  /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u{FE0E}\u{FE0F}\u{20E3}]|\u{200D}/gu;
const INVISIBLE = /[\u{200B}\u{200C}\u{2060}\u{FEFF}\u{00AD}]/gu;

/** A news text cleaned for a provider, and the key under which its answer is cached. */
export interface NormalizedNews {
  /** Readable text: emoji, invisible characters and tracking parameters removed. */
  readonly text: string;
  /** Case- and whitespace-insensitive form; equal for the same news pasted twice. */
  readonly key: string;
}

/** Removes tracking parameters (utm_*, fbclid, …) and a trailing "?" or "#" from one URL. */
export function cleanUrl(raw: string): string {
  const trailing = raw.match(/[.,;:!?)\]]+$/)?.[0] ?? "";
  const body = trailing ? raw.slice(0, -trailing.length) : raw;
  let url: URL;
  try {
    url = new URL(body);
  } catch {
    return raw;
  }
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
  }
  url.hash = "";
  return url.toString().replace(/\?$/, "") + trailing;
}

/** Normalizes a pasted or forwarded news post. */
export function normalizeNews(input: string): NormalizedNews {
  const text = input
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(URL_PATTERN, cleanUrl)
    .replace(EMOJI, " ")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const key = text
    .toLowerCase()
    .replace(/[«»“”„"']/g, '"')
    .replace(/\s+/g, " ")
    .replace(/ ?([.,;:!?]) ?/g, "$1 ")
    .trim();
  return { text, key };
}
