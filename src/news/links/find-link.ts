import type { MessageEntity } from "grammy/types";

/** The link a message is about, when the message is mainly that link. */
export interface MessageLink {
  readonly url: string;
  /** The message's own words, without the link (may be empty). */
  readonly rest: string;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'«»]+/gi;
/** A message whose own words are this short is "mainly a link". */
const MAINLY_LINK_MAX_WORDS = 8;
/** A forwarded post this short that carries a link is read from the link. */
const SHORT_POST_MAX_CHARS = 280;

/**
 * The link to read for a message: a message that is mainly a URL, or a forwarded post whose
 * text is short but carries a link (in the text or in a `text_link` entity). Undefined when
 * the message stands on its own.
 */
export function findMessageLink(
  text: string,
  entities: readonly MessageEntity[] = [],
  forwarded = false,
): MessageLink | undefined {
  const links = linksOf(text, entities);
  const first = links[0];
  if (!first) return undefined;
  const rest = text.replace(URL_IN_TEXT, " ").replace(/\s+/g, " ").trim();
  const words = rest.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words <= MAINLY_LINK_MAX_WORDS) return { url: first, rest };
  if (forwarded && text.length <= SHORT_POST_MAX_CHARS) return { url: first, rest };
  return undefined;
}

/** Every http(s) link of a message: `url` and `text_link` entities first, then bare URLs. */
export function linksOf(text: string, entities: readonly MessageEntity[]): string[] {
  const found: string[] = [];
  for (const entity of entities) {
    if (entity.type === "text_link") found.push(entity.url);
    else if (entity.type === "url") found.push(withScheme(sliceUtf16(text, entity)));
  }
  for (const match of text.matchAll(URL_IN_TEXT)) found.push(match[0].replace(/[.,;:!?)\]]+$/, ""));
  return [...new Set(found.filter((url) => /^https?:\/\//i.test(url)))];
}

function sliceUtf16(text: string, entity: MessageEntity): string {
  // Telegram's offsets count UTF-16 code units, as JavaScript strings do.
  return text.slice(entity.offset, entity.offset + entity.length);
}

function withScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
}
