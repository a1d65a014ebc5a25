import { describe, expect, it } from "bun:test";
import { ManualClock } from "../../clock";
import type { LinkReading } from "./read-link";
import { cacheReadings } from "./reading-cache";

function countingReader(result: (url: string) => LinkReading) {
  const urls: string[] = [];
  return {
    urls,
    read: async (url: string) => {
      urls.push(url);
      return result(url);
    },
  };
}

const article = (url: string): LinkReading => ({
  kind: "article",
  canonical: url,
  title: "t",
  news: "news",
});

describe("cacheReadings", () => {
  it("reads a link once by canonical URL, also when asked twice at the same time", async () => {
    const clock = new ManualClock();
    const reader = countingReader(article);
    const read = cacheReadings(reader.read, { clock, ttlMs: 60_000, maxEntries: 10 });

    await Promise.all([
      read("https://news.example/a?utm_source=tg"),
      read("https://www.news.example/a/"),
    ]);
    await read("https://news.example/a#top");
    clock.advance(60_000);
    await read("https://news.example/a");

    expect(reader.urls).toEqual(["https://news.example/a?utm_source=tg", "https://news.example/a"]);
  });

  it("keeps no page that could not be read, so the next share tries again", async () => {
    const clock = new ManualClock();
    const reader = countingReader(
      (url): LinkReading => ({ kind: "address", canonical: url, news: "", failure: "timeout" }),
    );
    const read = cacheReadings(reader.read, { clock, ttlMs: 60_000, maxEntries: 10 });

    await read("https://news.example/a");
    await read("https://news.example/a");

    expect(reader.urls.length).toBe(2);
  });
});
