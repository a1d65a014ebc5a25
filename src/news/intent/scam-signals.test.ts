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
      ["resembles_known_scams", "strong"],
      ["private_contact", "weak"],
      ["urgency", "weak"],
      ["insists_not_scam", "weak"],
      ["lookalike_link", "weak"],
      ["account_threat", "weak"],
      ["unexpected_prize", "weak"],
      ["too_good_to_be_true", "weak"],
      ["asks_you_to_act", "weak"],
      ["promises_gain", "weak"],
      ["claims_authority", "weak"],
      ["off_platform_contact", "weak"],
      ["mentions_secret_words", "weak"],
    ]);
  });

  it("names each sign it matched, strong before weak", () => {
    expect(
      detectScam("🎁 GIVEAWAY: send 1 ETH get 2 ETH back, only the first 100! Not a scam"),
    ).toEqual([
      "multiplies_what_you_send",
      "giveaway",
      "urgency",
      "insists_not_scam",
      "asks_you_to_act",
    ]);
    expect(detectScam("Пришлите вашу сид-фразу в поддержку @wallet_help_bot")).toEqual([
      "asks_for_seed_phrase",
      "fake_support",
      "mentions_secret_words",
      "off_platform_contact",
    ]);
    expect(detectScam("Гарантированный доход 3% в день")).toEqual(["guaranteed_returns"]);
    expect(
      detectScam("Please send the USDT back to my wallet TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"),
    ).toEqual(["send_to_address", "asks_you_to_act", "off_platform_contact"]);
  });

  it("finds no scam in plain news, questions about secrets, or an address inside a link", () => {
    for (const text of [
      "Tether mints $1B USDT on Tron",
      "what happens if I lose my seed phrase?",
      "зачем нужна сид-фраза",
      "https://tonviewer.com/EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N",
      "Mt. Gox moves 10,000 BTC to 1FeexV6bAHb8ybZjqQMjJrcCrHGW9sb6uF ahead of repayments",
    ]) {
      expect({ text, scam: isScam(detectScam(text)) }).toEqual({ text, scam: false });
    }
  });

  it("ignores a channel handle in a footer but not one in the message", () => {
    const footer = "Bitcoin ETF inflows top $500M\n\nSubscribe @etf_flows_daily";
    expect(detectScam(footer)).not.toContain("off_platform_contact");
    expect(detectScam("For payouts write to @payout_desk_bot today")).toContain(
      "off_platform_contact",
    );
  });

  it("calls a scam on one strong sign, three kinds of weak sign, or secret words with a request", () => {
    expect(isScam(["guaranteed_returns"])).toBe(true);
    expect(isScam(["urgency"])).toBe(false);
    expect(isScam(["urgency", "private_contact"])).toBe(false);
    expect(isScam(["promises_gain", "too_good_to_be_true", "unexpected_prize"])).toBe(false);
    expect(isScam(["asks_you_to_act", "promises_gain", "urgency"])).toBe(true);
    expect(isScam(["mentions_secret_words", "asks_you_to_act"])).toBe(true);
    expect(isScam(["mentions_secret_words"])).toBe(false);
    expect(isScam([])).toBe(false);
  });
});
