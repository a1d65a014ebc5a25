import { URL_PATTERN, withoutFooters } from "./prepare";
import { ADDRESS, DETECTORS, OFF_PLATFORM, TO_ADDRESS } from "./scam-patterns";
import { SCAM_SIGNALS, type ScamSignalId } from "./scam-signal-ids";

export { SCAM_SIGNALS, type ScamSignalId } from "./scam-signal-ids";

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
