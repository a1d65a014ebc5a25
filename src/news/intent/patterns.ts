// `\b` does not see Cyrillic letters, so word edges are lookarounds on letters and digits.
const EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
const EDGE_AFTER = "(?![\\p{L}\\p{N}])";

// In the alternatives `~` stands for any word ending, a space for a run of spaces or hyphens,
// and ` ?` for an optional space or hyphen (as in the offline analyzer's lexicon).
function build(alts: readonly string[], flags: string): RegExp {
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

/** Case-insensitive whole-word pattern over the alternatives. */
export const ci = (...alts: string[]): RegExp => build(alts, "iu");

/** Case-sensitive whole-word pattern, for tickers that are also common words (TON, LINK). */
export const cs = (...alts: string[]): RegExp => build(alts, "u");
