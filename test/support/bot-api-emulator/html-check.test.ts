import { describe, expect, it } from "bun:test";
import { parseTelegramHtml } from "./html-check";

describe("parseTelegramHtml", () => {
  it.each([
    ["<b>bold</b> &amp; <i>it</i>", "bold & it"],
    ['<a href="https://example.com/?a=1&b=2">link</a>', "link"],
    ['<pre><code class="language-ts">let x = 1;</code></pre>', "let x = 1;"],
    ['<span class="tg-spoiler">hidden</span> <tg-spoiler>too</tg-spoiler>', "hidden too"],
    ["&lt;tag&gt; &quot;q&quot; &#128512; &#x1F600;", '<tag> "q" 😀 😀'],
    ["<B>case</B> <b>open</ >", "case open"],
  ])("accepts %j as %j", (html, text) => {
    expect(parseTelegramHtml(html)).toEqual({ ok: true, text });
  });

  it.each([
    ["1 < 2", 'Unsupported start tag "" at byte offset 2'],
    ["<p>para</p>", 'Unsupported start tag "p" at byte offset 0'],
    ["ünï <x>", 'Unsupported start tag "x" at byte offset 6'],
    ["<b>open", "Can't find end tag corresponding to start tag b"],
    ["<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
    ["x</b>", "Unexpected end tag at byte offset 1"],
    ["<b", "Unclosed start tag at byte offset 0"],
    ['<span class="big">x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ["Tom & Jerry", 'Bare "&" at byte offset 4; escape it as "&amp;"'],
    ["&nbsp;", 'Bare "&" at byte offset 0; escape it as "&amp;"'],
  ])("rejects %j", (html, error) => {
    expect(parseTelegramHtml(html)).toEqual({ ok: false, error });
  });
});
