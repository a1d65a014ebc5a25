/**
 * Telegram's `parse_mode: "HTML"` parser, reduced to what decides acceptance. It follows
 * tdlib's `parse_html` (td/telegram/MessageEntity.cpp) and its error texts, with one deliberate
 * difference: a bare `&` that starts no entity is rejected. Telegram shows it literally, but in a
 * bot that builds HTML it almost always means text that was never escaped.
 */
export type HtmlParse =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: string };

const TAGS = new Set([
  "a",
  "b",
  "strong",
  "i",
  "em",
  "s",
  "strike",
  "del",
  "u",
  "ins",
  "tg-spoiler",
  "tg-emoji",
  "span",
  "pre",
  "code",
  "blockquote",
]);

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

const encoder = new TextEncoder();

/** Parses `html` as Telegram would; on success `text` is what the user sees, without markup. */
export function parseTelegramHtml(html: string): HtmlParse {
  const byteOffset = (index: number) => encoder.encode(html.slice(0, index)).length;
  const fail = (error: string): HtmlParse => ({ ok: false, error });
  const isSpace = (index: number) => /\s/.test(html[index] ?? "");
  const open: { tag: string; argument: string }[] = [];
  let text = "";
  let i = 0;

  while (i < html.length) {
    const char = html[i] ?? "";
    if (char === "&") {
      const entity = decodeEntity(html, i);
      if (!entity) return fail(`Bare "&" at byte offset ${byteOffset(i)}; escape it as "&amp;"`);
      text += entity.char;
      i = entity.end;
      continue;
    }
    if (char !== "<") {
      text += char;
      i++;
      continue;
    }

    const begin = i;
    i++;
    if (html[i] === "/") {
      if (open.length === 0) return fail(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
      let end = i + 1;
      while (end < html.length && !isSpace(end) && html[end] !== ">") end++;
      const endTag = html.slice(i + 1, end).toLowerCase();
      while (isSpace(end)) end++;
      if (html[end] !== ">") return fail(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
      const last = open.pop();
      if (last && endTag !== "" && endTag !== last.tag) {
        return fail(
          `Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${last.tag}>", found "</${endTag}>"`,
        );
      }
      if (last?.tag === "tg-emoji" && !/^[1-9]\d*$/.test(last.argument)) {
        return fail("Invalid custom emoji identifier specified");
      }
      i = end + 1;
      continue;
    }

    let nameEnd = i;
    while (nameEnd < html.length && !isSpace(nameEnd) && html[nameEnd] !== ">") nameEnd++;
    if (nameEnd >= html.length)
      return fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
    const tag = html.slice(i, nameEnd).toLowerCase();
    if (!TAGS.has(tag)) {
      return fail(`Unsupported start tag "${tag}" at byte offset ${byteOffset(begin)}`);
    }
    const attributes = parseAttributes(html, nameEnd, tag, byteOffset(begin), byteOffset);
    if (!attributes.ok) return fail(attributes.error);
    if (tag === "span" && attributes.argument !== "spoiler") {
      return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
    }
    open.push({ tag, argument: attributes.argument });
    i = attributes.end + 1;
  }

  const unclosed = open.at(-1);
  if (unclosed) return fail(`Can't find end tag corresponding to start tag ${unclosed.tag}`);
  return { ok: true, text };
}

/** Decodes `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#NN;`/`&#xNN;` (the `;` is optional, as in tdlib). */
function decodeEntity(html: string, at: number): { char: string; end: number } | undefined {
  const match = /^&(?:#x([0-9a-fA-F]+)|#(\d+)|([a-zA-Z]+))(;?)/.exec(html.slice(at, at + 16));
  if (!match) return undefined;
  const [whole, hex, decimal, name] = match;
  let char: string | undefined;
  if (name !== undefined) {
    char = NAMED_ENTITIES[name];
  } else {
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    if (code > 0 && code < 0x10ffff && whole.length - (match[4] ? 1 : 0) < 10) {
      char = String.fromCodePoint(code);
    }
  }
  return char === undefined ? undefined : { char, end: at + whole.length };
}

type Attributes =
  | { ok: true; argument: string; end: number }
  | { ok: false; error: string; end?: undefined };

/** Reads `name=value` pairs up to the tag's `>`; keeps the one attribute Telegram uses. */
function parseAttributes(
  html: string,
  from: number,
  tag: string,
  tagOffset: number,
  byteOffset: (index: number) => number,
): Attributes {
  const isSpace = (index: number) => /\s/.test(html[index] ?? "");
  let argument = "";
  let i = from;
  while (html[i] !== ">") {
    while (isSpace(i)) i++;
    if (html[i] === ">") break;
    const nameBegin = i;
    while (i < html.length && !isSpace(i) && html[i] !== "=") i++;
    const name = html.slice(nameBegin, i);
    if (name === "") {
      return {
        ok: false,
        error: `Empty attribute name in the tag "${tag}" at byte offset ${tagOffset}`,
      };
    }
    while (isSpace(i)) i++;
    if (html[i] !== "=") {
      return {
        ok: false,
        error: `Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${tagOffset}`,
      };
    }
    i++;
    while (isSpace(i)) i++;
    if (i >= html.length) {
      return { ok: false, error: `Unclosed start tag "${tag}" at byte offset ${tagOffset}` };
    }
    let value: string;
    const quote = html[i];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      value = html.slice(i + 1, close === -1 ? html.length : close);
      i = close === -1 ? html.length : close + 1;
    } else {
      const tokenBegin = i;
      while (/[A-Za-z0-9.-]/.test(html[i] ?? "")) i++;
      value = html.slice(tokenBegin, i).toLowerCase();
      if (!isSpace(i) && html[i] !== ">") {
        return {
          ok: false,
          error: `Unexpected end of name token at byte offset ${byteOffset(tokenBegin)}`,
        };
      }
    }
    if (i >= html.length)
      return { ok: false, error: `Unclosed start tag at byte offset ${tagOffset}` };
    argument = attributeArgument(tag, name, value) ?? argument;
  }
  return { ok: true, argument, end: i };
}

function attributeArgument(tag: string, name: string, value: string): string | undefined {
  if (tag === "a" && name === "href") return value;
  if (tag === "code" && name === "class" && value.startsWith("language-")) return value.slice(9);
  if (tag === "span" && name === "class" && value.startsWith("tg-")) return value.slice(3);
  if (tag === "tg-emoji" && name === "emoji-id") return value;
  return undefined;
}
