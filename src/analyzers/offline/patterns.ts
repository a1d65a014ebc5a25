import type { Lang } from "../../i18n/lang";

/** A piece of text in every language RVX speaks. */
export type Localized = Readonly<Record<Lang, string>>;

const EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
const EDGE_AFTER = "(?![\\p{L}\\p{N}])";

// `\b` does not see Cyrillic letters, so word edges are lookarounds on \p{L}. In the
// alternatives, `~` stands for any word ending, a space for a run of spaces or hyphens, and
// ` ?` for an optional space or hyphen.
/** A whole-word pattern over `alts` (written as described above) with the given flags. */
export function wordPattern(alts: readonly string[], flags: string): RegExp {
  const body = alts
    .map((a) =>
      a
        .replaceAll("~", "\\p{L}*")
        .replaceAll(" ?", "[\\s\\u00a0-]?")
        .replaceAll(" ", "[\\s\\u00a0-]+"),
    )
    .join("|");
  return new RegExp(`${EDGE_BEFORE}(?:${body})${EDGE_AFTER}`, flags);
}

/** Case-insensitive whole-word pattern. */
export const ci = (...alts: string[]): RegExp => wordPattern(alts, "giu");
/** Case-sensitive whole-word pattern, for tickers that are also common words (TON, NEAR). */
export const cs = (...alts: string[]): RegExp => wordPattern(alts, "gu");
