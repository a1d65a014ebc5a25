import { URL_PATTERN, withoutFooters } from "./prepare";
import { ADDRESS, DETECTORS, OFF_PLATFORM, TO_ADDRESS } from "./scam-patterns";

/**
 * The signs of a scam RVX recognizes, as stable ids the bot localizes
 * (e.g. `scam.signal.multiplies_what_you_send` in the locale files).
 * A strong sign marks a scam by itself; weak signs only in pairs.
 */
export const SCAM_SIGNALS = {
  /** "Send 1 ETH, get 2 back", "double your coins", "x2 to your wallet". */
  multiplies_what_you_send: "strong",
  /** Asks for a seed or recovery phrase or a private key. */
  asks_for_seed_phrase: "strong",
  /** "Contact our support @…", support on WhatsApp or a phone number. */
  fake_support: "strong",
  /** "Validate / verify / sync your wallet", "connect your wallet to claim". */
  asks_to_verify_wallet: "strong",
  /** Guaranteed profit, "risk-free", a fixed percentage per day. */
  guaranteed_returns: "strong",
  /** Asks to send or return coins to an address given in the message. */
  send_to_address: "strong",
  /** A giveaway you join by sending coins or connecting a wallet. */
  giveaway: "strong",
  /** A fee or deposit up front to release, withdraw or receive money ("pay the unlock fee"). */
  upfront_fee: "strong",
  /** Asks to approve or sign a wallet transaction ("approve the transaction at …"). */
  asks_to_sign_transaction: "strong",
  /** A stranger brags about profits and offers to show you how. */
  stranger_profit_pitch: "strong",
  /** Worded like the scams RVX has seen (the wording model, backed by at least one weak sign). */
  resembles_known_scams: "strong",
  /** "DM me", "write to him @…". */
  private_contact: "weak",
  /** "Only the first 1000", "ends in 2 hours", "within 24h". */
  urgency: "weak",
  /** "This is not a scam". */
  insists_not_scam: "weak",
  /** A look-alike site such as binance-rewards.io. */
  lookalike_link: "weak",
  /** "Your wallet has been flagged / blocked / restricted". */
  account_threat: "weak",
  /** "Your wallet won 2 ETH in our lucky draw". */
  unexpected_prize: "weak",
  /** "Claim your free 1,000 TON", "no credit check". */
  too_good_to_be_true: "weak",
  /** Tells the reader to send, pay, connect, sign or join ("just send", "you must move"). */
  asks_you_to_act: "weak",
  /** Earnings, bonuses, refunds, rewards, "x50". */
  promises_gain: "weak",
  /** "Attention", "official", "compliance team", "Dear customer": posing as an institution. */
  claims_authority: "weak",
  /** A handle, a look-alike domain, an address or WhatsApp to go to. */
  off_platform_contact: "weak",
  /** Names seed, recovery or secret words (a scam only together with a request to act). */
  mentions_secret_words: "weak",
} as const satisfies Record<string, "strong" | "weak">;

/** A stable id of one scam sign. */
export type ScamSignalId = keyof typeof SCAM_SIGNALS;

// A phrase in quotes is named, not asked for: "FBI warns of 'double your bitcoin' scams".
const QUOTED = /(?<![\p{L}\p{N}])['"«“„][^'"«»“”„\n]{2,80}['"»”](?![\p{L}\p{N}])/gu;

/** The scam signs the text matches, strong first; empty when it looks like no scam. */
export function detectScam(text: string): readonly ScamSignalId[] {
  const plain = text.replace(QUOTED, " ");
  const found = new Set<ScamSignalId>();
  for (const [id, pattern] of DETECTORS) {
    if (!found.has(id) && pattern.test(plain)) found.add(id);
  }
  const noLinks = plain.replace(URL_PATTERN, " ");
  if (ADDRESS.test(noLinks) && TO_ADDRESS.test(plain)) found.add("send_to_address");
  const { content } = withoutFooters(plain);
  if (ADDRESS.test(noLinks) || OFF_PLATFORM.test(content)) found.add("off_platform_contact");
  const ids = [...found];
  return ids
    .filter((id) => SCAM_SIGNALS[id] === "strong")
    .concat(ids.filter((id) => SCAM_SIGNALS[id] === "weak"));
}

// The kinds of weak sign; signs of one kind ("free", "bonus", "you won") count once.
const KIND: Readonly<Partial<Record<ScamSignalId, string>>> = {
  asks_you_to_act: "act",
  promises_gain: "gain",
  too_good_to_be_true: "gain",
  unexpected_prize: "gain",
  urgency: "pressure",
  account_threat: "pressure",
  claims_authority: "authority",
  insists_not_scam: "authority",
  off_platform_contact: "channel",
  private_contact: "channel",
  lookalike_link: "channel",
  mentions_secret_words: "secret",
};

/**
 * True when the signs are enough to call the message a scam: one strong sign; or weak signs of
 * three kinds (e.g. act + gain + pressure); or secret words together with a request to act.
 */
export function isScam(signals: readonly ScamSignalId[]): boolean {
  const kinds = new Set<string>();
  for (const id of signals) {
    if (SCAM_SIGNALS[id] === "strong") return true;
    kinds.add(KIND[id] ?? id);
  }
  return kinds.size >= 3 || (kinds.has("secret") && kinds.has("act"));
}
