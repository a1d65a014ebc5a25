import { describe, expect, it } from "bun:test";
import { escapeHtml } from "./html";
import { cleanUrl, normalizeNews } from "./normalize";
import { truncate } from "./truncate";

describe("normalizeNews", () => {
  it("gives the same key to the same news pasted with different spacing, case and emoji", () => {
    const a = normalizeNews(
      "🚀🚀 BREAKING:  Bitcoin ETF   approved by SEC!\n\nhttps://x.com/a?utm_source=tg&id=5",
    );
    const b = normalizeNews(
      "breaking: bitcoin etf approved by sec! https://x.com/a?id=5&fbclid=abc 🔥",
    );
    expect(a.key).toBe(b.key);
    expect(a.text).toBe("BREAKING: Bitcoin ETF approved by SEC!\n\nhttps://x.com/a?id=5");
  });

  it("keeps different news apart", () => {
    expect(normalizeNews("ETH up 5%").key).not.toBe(normalizeNews("ETH down 5%").key);
  });

  it("removes invisible characters and keeps Cyrillic text intact", () => {
    expect(normalizeNews("Биткоин\u200B вырос  на 5%").text).toBe("Биткоин вырос на 5%");
  });
});

describe("cleanUrl", () => {
  it("drops tracking parameters and fragments but keeps the meaningful ones", () => {
    expect(cleanUrl("https://news.example/a?utm_medium=x&page=2#top")).toBe(
      "https://news.example/a?page=2",
    );
    expect(cleanUrl("https://t.me/channel/12?si=abc).")).toBe("https://t.me/channel/12).");
  });
});

describe("truncate", () => {
  it("returns short text unchanged", () => {
    expect(truncate("Short text.", 400)).toBe("Short text.");
  });

  it("cuts at the last sentence boundary that fits", () => {
    const text = "First sentence is here. Second sentence is longer than the limit allows.";
    expect(truncate(text, 40)).toBe("First sentence is here.");
  });

  it("cuts at a word boundary with an ellipsis when no sentence ends late enough", () => {
    const cut = truncate("Supercalifragilistic words keep coming without any full stop at all", 30);
    expect(cut).toBe("Supercalifragilistic words…");
    expect(cut.length).toBeLessThanOrEqual(30);
  });

  it("never exceeds the limit and never splits a word", () => {
    const text = "Биткоин вырос на 5% после новостей о ETF. ".repeat(20);
    for (const max of [50, 77, 120, 400]) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      const kept = cut.replace(/…$/, "");
      expect(text.startsWith(kept)).toBe(true);
      expect(/[\s.]/.test(text.charAt(kept.length)) || kept.endsWith(".")).toBe(true);
    }
  });
});

describe("escapeHtml", () => {
  it("escapes the characters Telegram's HTML mode needs escaped", () => {
    expect(escapeHtml(`a < b && c > "d"`)).toBe("a &lt; b &amp;&amp; c &gt; &quot;d&quot;");
  });
});
