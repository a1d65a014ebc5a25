import { describe, expect, it } from "bun:test";
import { detectScam, isScam, SCAM_SIGNALS } from "./scam-signals";

describe("scam-signals", () => {
  it("exports stable ids, strong ones first", () => {
    expect(Object.entries(SCAM_SIGNALS)).toEqual([
      ["multiplies_what_you_send", "strong"],
      ["asks_for_seed_phrase", "strong"],
      ["fake_support", "strong"],
      ["asks_to_verify_wallet", "strong"],
      ["guaranteed_returns", "strong"],
      ["send_to_address", "strong"],
      ["giveaway", "strong"],
      ["upfront_fee", "strong"],
      ["asks_to_sign_transaction", "strong"],
      ["stranger_profit_pitch", "strong"],
      ["private_contact", "weak"],
      ["urgency", "weak"],
      ["insists_not_scam", "weak"],
      ["lookalike_link", "weak"],
      ["account_threat", "weak"],
      ["unexpected_prize", "weak"],
      ["too_good_to_be_true", "weak"],
      ["official_claim", "weak"],
    ]);
  });

  it("names each sign it matched, strong before weak", () => {
    expect(
      detectScam("🎁 GIVEAWAY: send 1 ETH get 2 ETH back, only the first 100! Not a scam"),
    ).toEqual(["multiplies_what_you_send", "giveaway", "urgency", "insists_not_scam"]);
    expect(detectScam("Пришлите вашу сид-фразу в поддержку @wallet_help_bot")).toEqual([
      "asks_for_seed_phrase",
      "fake_support",
    ]);
    expect(detectScam("Гарантированный доход 3% в день")).toEqual(["guaranteed_returns"]);
    expect(
      detectScam("Please send the USDT back to my wallet TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"),
    ).toEqual(["send_to_address"]);
  });

  it("finds no sign in plain news, questions or an address inside a link", () => {
    expect(detectScam("Tether mints $1B USDT on Tron")).toEqual([]);
    expect(detectScam("what happens if I lose my seed phrase?")).toEqual([]);
    expect(detectScam("зачем нужна сид-фраза")).toEqual([]);
    expect(
      detectScam("https://tonviewer.com/EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N"),
    ).toEqual([]);
  });

  it("calls a scam on one strong sign or two weak ones, not on one weak sign", () => {
    expect(isScam(["guaranteed_returns"])).toBe(true);
    expect(isScam(["urgency"])).toBe(false);
    expect(isScam(["urgency", "private_contact"])).toBe(true);
    expect(isScam([])).toBe(false);
  });
});
