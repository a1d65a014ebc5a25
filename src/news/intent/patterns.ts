import { wordPattern } from "../../analyzers/offline/patterns";

// Whole-word patterns written like the offline analyzer's lexicon (one builder for both); the
// intent rules test a message once, so these are not global.

/** Case-insensitive whole-word pattern over the alternatives. */
export const ci = (...alts: string[]): RegExp => wordPattern(alts, "iu");

/** Case-sensitive whole-word pattern, for tickers that are also common words (TON, LINK). */
export const cs = (...alts: string[]): RegExp => wordPattern(alts, "u");
