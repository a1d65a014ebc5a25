import { describe, expect, it } from "bun:test";
import { matchesLanguage } from "./language-check";

describe("matchesLanguage", () => {
  it("accepts Russian with tickers and names in Latin letters", () => {
    expect(
      matchesLanguage("Комиссия SEC одобрила спотовые ETF на Ether от BlackRock и Fidelity.", "ru"),
    ).toBe(true);
  });

  it("does not count tickers and acronyms against Russian", () => {
    expect(matchesLanguage("ETF от BlackRock: SEC одобрила IBIT и FBTC.", "ru")).toBe(true);
  });

  it("counts capitals when nothing else is written", () => {
    expect(matchesLanguage("SEC: OK.", "en")).toBe(true);
    expect(matchesLanguage("SEC: OK.", "ru")).toBe(false);
  });

  it("rejects an English answer where Russian was asked for, and the reverse", () => {
    expect(matchesLanguage("The SEC approved spot Ether ETFs.", "ru")).toBe(false);
    expect(matchesLanguage("Комиссия одобрила фонды на эфир.", "en")).toBe(false);
  });

  it("accepts English, and rejects text without letters", () => {
    expect(matchesLanguage("The SEC approved spot Ether ETFs.", "en")).toBe(true);
    expect(matchesLanguage("100% 🚀 2026", "en")).toBe(false);
  });

  it("rejects a mostly English answer with a little Russian in it", () => {
    expect(matchesLanguage("Биткоин: the price of the coin went up after the news.", "ru")).toBe(
      false,
    );
  });
});
