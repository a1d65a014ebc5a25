import { describe, expect, it } from "bun:test";
import { findMessageLink } from "./find-link";

describe("findMessageLink", () => {
  it("finds a bare link and a link with a few words", () => {
    expect(findMessageLink("https://coindesk.com/a-b-c")).toEqual({
      url: "https://coindesk.com/a-b-c",
      rest: "",
    });
    expect(findMessageLink("что это значит? https://forklog.com/news/x-y.")).toEqual({
      url: "https://forklog.com/news/x-y",
      rest: "что это значит?",
    });
  });

  it("reads text_link and url entities", () => {
    const text = "Подробнее тут";
    expect(
      findMessageLink(text, [
        { type: "text_link", offset: 10, length: 3, url: "https://example.com/news-item" },
      ]),
    ).toEqual({ url: "https://example.com/news-item", rest: "Подробнее тут" });
    expect(
      findMessageLink("see coindesk.com/x-y", [{ type: "url", offset: 4, length: 16 }]),
    ).toEqual({
      url: "https://coindesk.com/x-y",
      rest: "see coindesk.com/x-y",
    });
  });

  it("leaves a full post with a link alone unless it is a short forwarded post", () => {
    const post =
      "Bitcoin rose 5% today after the SEC approved spot ETFs for several issuers, traders said. https://example.com/news";
    expect(findMessageLink(post)).toBeUndefined();
    expect(findMessageLink(post, [], true)?.url).toBe("https://example.com/news");
    expect(findMessageLink(`${post} ${"more words ".repeat(40)}`, [], true)).toBeUndefined();
  });

  it("finds nothing without a link", () => {
    expect(findMessageLink("hello")).toBeUndefined();
    expect(findMessageLink("ftp://example.com/file")).toBeUndefined();
  });
});
