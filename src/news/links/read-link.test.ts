import { afterAll, describe, expect, it } from "bun:test";
import { ManualClock } from "../../clock";
import { createLinkReader, type LinkReaderDeps } from "./read-link";

const NAV = `<nav><a href="/">Home</a><a href="/markets">Markets</a><a href="/login">Log in</a> Subscribe to our newsletter!</nav>`;
const AD = `<div class="ad-banner">Trade now with 100x leverage! Sign up bonus $500</div>`;
const PAGE = `<!doctype html><html><head>
<title>SEC approves spot bitcoin ETFs | CoinNews</title>
<meta property="og:site_name" content="CoinNews">
<meta property="og:description" content="Eleven funds may start trading on Thursday.">
</head><body>${NAV}${AD}
<main><article>
<h1>SEC approves spot bitcoin ETFs</h1>
<p>The U.S. Securities and Exchange Commission on Wednesday approved 11 spot bitcoin exchange-traded funds, allowing funds from large asset managers to begin trading on Thursday.</p>
<p>Spot ETFs hold bitcoin directly, unlike futures ETFs, which track futures contracts. The decision follows a court ruling against the regulator in 2023.</p>
<p>The chair of the SEC said the approval was not an endorsement of bitcoin.</p>
</article></main>
<aside>${AD}<ul><li><a href="/x">Top 10 memecoins to watch</a></li></ul></aside>
<footer>© CoinNews. All rights reserved. Cookie settings.</footer></body></html>`;

const server = Bun.serve({
  port: 0,
  hostname: "127.0.0.1",
  fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === "/policy/sec-approves-spot-bitcoin-etfs") {
      return new Response(PAGE, { headers: { "content-type": "text/html; charset=utf-8" } });
    }
    return new Response("gone", { status: 410, headers: { "content-type": "text/html" } });
  },
});
afterAll(() => server.stop(true));
const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;

const deps = (overrides: Partial<LinkReaderDeps> = {}): LinkReaderDeps => ({
  enabled: true,
  clock: new ManualClock(),
  timeoutMs: 5000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 3,
  userAgent: "RVX-test",
  allowLoopback: true,
  resolve: async () => [],
  ...overrides,
});

describe("readLink", () => {
  it("explains a page from its article, not its navigation or ads", async () => {
    const reading = await createLinkReader(deps())(
      url("/policy/sec-approves-spot-bitcoin-etfs?utm_source=tg"),
    );
    expect(reading.kind).toBe("article");
    if (reading.kind !== "article") return;
    expect(reading.canonical).toBe(url("/policy/sec-approves-spot-bitcoin-etfs"));
    expect(reading.title).toBe("SEC approves spot bitcoin ETFs");
    expect(reading.news).toContain("approved 11 spot bitcoin exchange-traded funds");
    expect(reading.news).toContain("Eleven funds may start trading on Thursday.");
    for (const noise of ["Subscribe", "leverage", "memecoins", "Cookie", "Log in"]) {
      expect(reading.news).not.toContain(noise);
    }
  });

  it("reads only the address when fetching is off", async () => {
    const reading = await createLinkReader(deps({ enabled: false }))(
      url("/policy/sec-approves-spot-bitcoin-etfs"),
    );
    expect(reading).toEqual({
      kind: "address",
      canonical: url("/policy/sec-approves-spot-bitcoin-etfs"),
      news: "sec approves spot bitcoin etfs",
    });
  });

  it("falls back to the address and says why when the page cannot be read", async () => {
    const reading = await createLinkReader(deps())(url("/news/bitcoin-halving-happens"));
    expect(reading).toEqual({
      kind: "address",
      canonical: url("/news/bitcoin-halving-happens"),
      news: "bitcoin halving happens",
      failure: "http_status",
    });
  });
});
