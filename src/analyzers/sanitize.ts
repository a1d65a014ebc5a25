import { LinkifyIt } from "linkify-it";
import { marked, type Token, type Tokens } from "marked";
import { stripWallets } from "./wallets";

/**
 * Top-level domains beyond linkify-it's defaults (the generic ones and every two-letter
 * country code) that crypto links use; `eth` and `ton` also catch ENS and TON DNS names.
 */
const EXTRA_TLDS = ["xyz", "app", "finance", "exchange", "network", "money", "eth", "ton", "top"];

/**
 * Model output to plain text a beginner can read in Telegram: Markdown is reduced to its text
 * (marked's lexer, a real CommonMark/GFM parser, so `2 * 3` and snake_case survive), list
 * markers become "•", links and bare domains (linkify-it) and wallet addresses are removed,
 * and the spaces and punctuation left behind are tidied.
 */
export function createSanitizer(): (text: string) => string {
  const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true }).tlds(EXTRA_TLDS, true);
  const stripLinks = (text: string): string => {
    const matches = linkify.match(text);
    if (!matches) return text;
    let out = "";
    let from = 0;
    for (const match of matches) {
      out += text.slice(from, match.index);
      from = match.lastIndex;
    }
    return out + text.slice(from);
  };
  return function sanitize(text) {
    const plain = blocks(marked.lexer(text, { gfm: true }));
    return tidy(stripWallets(stripLinks(plain)));
  };
}

function blocks(tokens: readonly Token[]): string {
  return tokens
    .map(block)
    .filter((text) => text.trim())
    .join("\n");
}

function block(token: Token): string {
  switch (token.type) {
    case "heading":
    case "paragraph":
      return inline(token.tokens ?? []);
    case "text":
      return token.tokens ? inline(token.tokens) : token.text;
    case "list":
      return (token as Tokens.List).items
        .map((item) => `• ${blocks(item.tokens).replace(/\n+/g, " ")}`)
        .join("\n");
    case "blockquote":
      return blocks((token as Tokens.Blockquote).tokens);
    case "code":
      return token.text;
    case "table": {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows]
        .map((row) => row.map((cell) => inline(cell.tokens)).join(" "))
        .join("\n");
    }
    case "html":
      return stripTags(token.text);
    default:
      // space, hr, def and the like carry no words.
      return "";
  }
}

function inline(tokens: readonly Token[]): string {
  return tokens.map(inlineToken).join("");
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case "strong":
    case "em":
    case "del":
    case "link":
      return inline(token.tokens ?? []);
    case "text":
      return token.tokens ? inline(token.tokens) : token.text;
    case "escape":
    case "codespan":
      return token.text;
    case "br":
      return "\n";
    case "html":
      return stripTags(token.text);
    default:
      // Images and anything unknown are dropped rather than shown as markup.
      return "";
  }
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, "");
}

/** Cleans what removals leave: doubled spaces, a space before punctuation, empty brackets. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+/g, " ")
    .replace(/\(\s*[,;:]?\s*\)|\[\s*\]/g, "")
    .replace(/ +([.,;:!?…)»])/g, "$1")
    .replace(/([,;:])(?=[,;:.])/g, "")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
