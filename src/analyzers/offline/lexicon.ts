/**
 * The offline analyzer's vocabulary, one data table per file: assets and exchanges
 * (`assets.ts`), event kinds and scam signs (`events.ts`), beginner terms (`terms.ts`).
 */
export { ASSETS, type AssetEntry, CRYPTO_CONTEXT, EXCHANGES } from "./assets";
export {
  CRYPTO_KINDS,
  EVENTS,
  type EventKind,
  MARKET_CONTEXT,
  NOT_A_PRICE,
  PRICE_KINDS,
  SCAM_SIGNS,
  type ScamSign,
  type Signal,
  type SignalDirection,
  STANDALONE_KINDS,
} from "./events";
export type { Localized } from "./patterns";
export { TERMS, type TermEntry, type TermId } from "./terms";
