import { describe, expect, it } from "bun:test";
import { canonicalUrl, urlSlugText } from "./canonical-url";

describe("canonicalUrl", () => {
  it("gives one key for the same link shared with tracking, case, www, slash and fragment", () => {
    const variants = [
      "https://www.CoinDesk.com/policy/2024/01/10/sec-approves-spot-bitcoin-etfs/?utm_source=tg&utm_medium=social",
      "https://coindesk.com/policy/2024/01/10/sec-approves-spot-bitcoin-etfs#comments",
      "https://coindesk.com/policy/2024/01/10/sec-approves-spot-bitcoin-etfs?fbclid=abc123",
    ];
    expect(new Set(variants.map(canonicalUrl))).toEqual(
      new Set(["https://coindesk.com/policy/2024/01/10/sec-approves-spot-bitcoin-etfs"]),
    );
  });

  it("keeps meaningful query parameters, sorted", () => {
    expect(canonicalUrl("https://example.com/news?page=2&id=7&utm_campaign=x")).toBe(
      "https://example.com/news?id=7&page=2",
    );
  });
});

describe("urlSlugText", () => {
  it("reads the words of an article's slug", () => {
    expect(
      urlSlugText("https://coindesk.com/policy/2024/01/10/sec-approves-spot-bitcoin-etfs/"),
    ).toBe("sec approves spot bitcoin etfs");
    expect(urlSlugText("https://forklog.com/news/bitcoin-halving-2024-proizoshel.html")).toBe(
      "bitcoin halving proizoshel",
    );
    expect(
      urlSlugText(
        "https://example.ru/novosti/%D0%B1%D0%B8%D1%82%D0%BA%D0%BE%D0%B8%D0%BD-%D1%80%D0%B0%D1%81%D1%82%D0%B5%D1%82",
      ),
    ).toBe("биткоин растет");
  });

  it("is empty when the address has no words", () => {
    expect(urlSlugText("https://example.com/a/123456?id=9")).toBe("");
    expect(urlSlugText("https://example.com/")).toBe("");
    expect(urlSlugText("nonsense")).toBe("");
  });
});
