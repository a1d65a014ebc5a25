import { afterAll, beforeAll, describe, expect, it } from "bun:test";
import { join } from "node:path";
import { t } from "../../src/i18n/i18n";
import { AT_ONCE, TEST_KEY, TEST_MODELS, tokenGate } from "../support/ai-providers";
import {
  type ApiCall,
  type BotApiEmulator,
  startBotApiEmulator,
  type TestUser,
} from "../support/bot-api-emulator";
import { type FakeAiServer, startFakeAiServer } from "../support/fake-ai-servers";
import { startRvx, tempDir } from "../support/process";

/**
 * Links, pictures and streamed answers through the whole process (`bun src/main.ts`), the Bot
 * API emulator, a loopback news site and fake Groq (no vision model) and Gemini servers.
 */

const ARTICLE_TITLE = "SEC approves spot bitcoin ETFs after a decade of refusals";
const ARTICLE_LEAD =
  "The U.S. Securities and Exchange Commission approved eleven spot bitcoin exchange-traded funds on Wednesday.";
const AD_TEXT = "Trade 100x leverage now on MegaDex";
const NAV_TEXT = "Markets Policy Tech Podcasts Newsletters";

/** A news page as sites serve them: navigation, ads and a sidebar around one article. */
const ARTICLE_PAGE = `<!doctype html><html><head><title>${ARTICLE_TITLE} | CoinPaper</title>
<meta property="og:site_name" content="CoinPaper"></head><body>
<nav><a href="/">${NAV_TEXT.split(" ").join('</a> <a href="/">')}</a></nav>
<div class="ad banner">${AD_TEXT}</div>
<main><article><h1>${ARTICLE_TITLE}</h1>
<p>${ARTICLE_LEAD} The funds, from issuers including BlackRock and Fidelity, will hold bitcoin directly.</p>
<p>Until now American investors could only buy funds tied to bitcoin futures contracts, which track the price less closely and cost more to run.</p>
<p>The decision follows a court ruling last year that found the regulator's earlier refusals arbitrary. Trading is expected to start on Thursday.</p>
</article></main>
<aside class="sidebar"><div class="ad">${AD_TEXT}</div><ul><li>Most read</li><li>Price index</li></ul></aside>
<footer>© CoinPaper. ${NAV_TEXT}</footer></body></html>`;

const FORWARD_TITLE = "Ethereum's Pectra upgrade goes live on mainnet";
/** Another article, so that the forwarded post is not a near-duplicate of the first. */
const FORWARD_PAGE = `<!doctype html><html><head><title>${FORWARD_TITLE} | CoinPaper</title></head><body>
<nav>${NAV_TEXT}</nav><main><article><h1>${FORWARD_TITLE}</h1>
<p>Ethereum activated the Pectra upgrade on its main network on Wednesday, the largest change to the network since 2024.</p>
<p>Validators can now hold up to 2,048 ETH each, and ordinary accounts can temporarily act like smart contract wallets.</p>
</article></main></body></html>`;

/** The loopback news site; counts every request it gets. */
function startNewsSite() {
  let requests = 0;
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch(req) {
      requests++;
      const { pathname } = new URL(req.url);
      if (pathname === "/to-private") {
        return new Response(null, { status: 302, headers: { location: "http://10.20.30.40/x" } });
      }
      return new Response(pathname === "/news/fwd" ? FORWARD_PAGE : ARTICLE_PAGE, {
        headers: { "content-type": "text/html; charset=utf-8" },
      });
    },
  });
  return {
    url: (path: string) => `http://127.0.0.1:${server.port}${path}`,
    get requests() {
      return requests;
    },
    stop: () => server.stop(true),
  };
}

function env(api: BotApiEmulator, dir: string, extra: Record<string, string>) {
  return {
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATABASE_PATH: join(dir, "rvx.db"),
    FLOOD_INTERVAL_MS: "0",
    ...extra,
  };
}

const textOf = (call: ApiCall) => String(call.payload.text);
const en = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t("en", key, params);

async function say(api: BotApiEmulator, user: TestUser, text: string) {
  const after = api.calls.length;
  api.sendText(user, text);
  return api.waitForReply(user.id, { after, timeoutMs: 15_000 });
}

/** The text of every part of a Gemini request's contents. */
function geminiParts(
  body: unknown,
): { text?: string; inlineData?: { mimeType: string; data: string } }[] {
  const contents = (body as { contents?: { parts?: unknown[] }[] }).contents ?? [];
  return contents.flatMap((c) => (c.parts ?? []) as never[]);
}

describe("links, pictures and streamed answers end to end", () => {
  const dir = tempDir();
  let api: BotApiEmulator;
  let groq: FakeAiServer;
  let gemini: FakeAiServer;
  let rvx: ReturnType<typeof startRvx>;
  const site = startNewsSite();
  let nextId = 7300;
  const someone = (): TestUser => ({ id: nextId++, first_name: "Ann", language_code: "en" });

  beforeAll(async () => {
    api = await startBotApiEmulator();
    groq = startFakeAiServer("groq");
    gemini = startFakeAiServer("gemini");
    rvx = startRvx(
      env(api, dir.path, {
        GROQ_API_KEY: TEST_KEY,
        GROQ_BASE_URL: groq.baseUrl,
        GROQ_MODEL: TEST_MODELS.groq,
        GEMINI_API_KEY: TEST_KEY,
        GEMINI_BASE_URL: gemini.baseUrl,
        GEMINI_MODEL: TEST_MODELS.gemini,
        PROVIDER_ORDER: "groq,gemini",
        LINK_FETCH: "true",
        LINK_FETCH_ALLOW_PRIVATE: "true",
      }),
    );
    await api.waitFor((c) => c.method === "getUpdates", { timeoutMs: 20_000 });
  });
  afterAll(async () => {
    rvx.kill("SIGKILL");
    await api.close();
    await groq.close();
    await gemini.close();
    await site.stop();
    dir[Symbol.dispose]();
  });

  it("explains a linked article from its text, not the page's navigation and ads", async () => {
    const user = someone();
    groq.setStreaming(AT_ONCE);
    groq.setReply("The SEC let funds hold real bitcoin. You can buy them like shares.");
    const before = groq.requests.length;
    const reply = textOf(await say(api, user, site.url("/news/sec-approves-etfs?utm_source=tg")));
    expect(reply).toContain(en("link.article", { title: ARTICLE_TITLE }));
    expect(reply).toContain("The SEC let funds hold real bitcoin.");
    expect(reply).toContain(en("explain.footer", { xp: 5, remaining: 49 }));
    const sent = JSON.stringify(groq.requests.slice(before).map((r) => r.body));
    expect(sent).toContain(ARTICLE_LEAD);
    expect(sent).not.toContain(AD_TEXT);
    expect(sent).not.toContain("Most read");

    // Shared again (without the tracking parameter): neither fetched nor asked again.
    const fetched = site.requests;
    const again = textOf(await say(api, user, site.url("/news/sec-approves-etfs")));
    expect(again).toContain("The SEC let funds hold real bitcoin.");
    expect(site.requests).toBe(fetched);
    expect(groq.requests.length).toBe(before + 1);
  });

  it("reads a short forwarded post from the link hidden in its text", async () => {
    const user = someone();
    groq.setStreaming(AT_ONCE);
    groq.setReply("Pectra is live on Ethereum. Validators can hold more ETH now.");
    // Longer than a bare link's 8 words: read from its link only because it is a short forward.
    const text =
      "Big day for bitcoin: the regulator finally said yes to the funds everyone waited for. Read more";
    const after = api.calls.length;
    api.sendText(user, text, {
      forward_origin: { type: "hidden_user", sender_user_name: "Crypto Channel", date: 1 },
      entities: [
        { type: "text_link", offset: text.indexOf("Read"), length: 9, url: site.url("/news/fwd") },
      ],
    });
    const reply = textOf(await api.waitForReply(user.id, { after, timeoutMs: 15_000 }));
    expect(reply).toContain(en("link.article", { title: FORWARD_TITLE }));
    expect(reply).toContain("Pectra is live on Ethereum.");
  });

  it("refuses a redirect to a private address, says why and spends nothing", async () => {
    const user = someone();
    const before = groq.requests.length + gemini.requests.length;
    const reply = textOf(await say(api, user, site.url("/to-private")));
    expect(reply).toStartWith(`${en("link.failed.refused_address")} ${en("link.address_only")}`);
    expect(groq.requests.length + gemini.requests.length).toBe(before);
    const profile = textOf(await say(api, user, "/profile"));
    expect(profile).toContain("50");
  });

  it("sends a photo to Gemini as image data (Groq has no vision model) and shows its answer", async () => {
    const user = someone();
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode("jpeg!")]);
    gemini.setStreaming(AT_ONCE);
    gemini.setReply("The screenshot says an exchange paused withdrawals. Keep your coins safe.");
    const groqBefore = groq.requests.length;
    const after = api.calls.length;
    api.sendPhoto(user, photo, "is this bad?");
    const reply = textOf(await api.waitForReply(user.id, { after, timeoutMs: 15_000 }));
    expect(reply).toContain(en("image.read"));
    expect(reply).toContain("The screenshot says an exchange paused withdrawals.");
    expect(groq.requests.length).toBe(groqBefore);
    const parts = geminiParts(gemini.requests.at(-1)?.body);
    expect(parts.find((p) => p.inlineData)?.inlineData).toEqual({
      mimeType: "image/jpeg",
      data: Buffer.from(photo).toString("base64"),
    });
    expect(JSON.stringify(parts)).toContain("is this bad?");
  });

  it("reads a screenshot sent as a PNG file, and refuses one over 5 MB without downloading it", async () => {
    const user = someone();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const file = api.uploadFile(png, "png");
    gemini.setStreaming(AT_ONCE);
    gemini.setReply("The post says a token unlock is coming. Prices can swing around it.");
    const document = (size: number) => ({
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_name: "screenshot.png",
      mime_type: "image/png",
      file_size: size,
    });
    let after = api.calls.length;
    api.sendPrivate(user, { document: document(png.length) });
    const reply = textOf(await api.waitForReply(user.id, { after, timeoutMs: 15_000 }));
    expect(reply).toContain("The post says a token unlock is coming.");
    const parts = geminiParts(gemini.requests.at(-1)?.body);
    expect(parts.find((p) => p.inlineData)?.inlineData?.mimeType).toBe("image/png");

    const downloads = api.fileDownloads;
    after = api.calls.length;
    api.sendPrivate(user, { document: document(6 * 1024 * 1024) });
    const refused = textOf(await api.waitForReply(user.id, { after }));
    expect(refused).toBe(en("image.too_large", { mb: 5 }));
    expect(api.fileDownloads).toBe(downloads);
  });

  it("shows a slow stream as drafts before the one final message", async () => {
    const user = someone();
    const gate = tokenGate();
    groq.setStreaming({ gate: gate.gate });
    const answer =
      "Bitcoin funds were approved today. They hold real coins for you. Fees are charged every year.";
    groq.setReply(answer);
    const after = api.calls.length;
    api.sendText(user, "SEC approves spot Bitcoin ETF applications from BlackRock and Fidelity");
    const draftsSoFar = () =>
      api.calls.slice(after).filter((c) => c.method === "sendMessageDraft" && c.response?.ok);
    gate.release(3);
    await api.waitFor((c) => c.method === "sendMessageDraft" && c.response?.ok === true, {
      after,
      timeoutMs: 10_000,
    });
    gate.release(4);
    const second = draftsSoFar()[0];
    await api.waitFor(
      (c) => c.method === "sendMessageDraft" && c.response?.ok === true && c !== second,
      { after: api.calls.indexOf(second as ApiCall) + 1, timeoutMs: 10_000 },
    );
    gate.release(100);
    const final = await api.waitForReply(user.id, { after, timeoutMs: 15_000 });
    const drafts = draftsSoFar().filter((c) => api.calls.indexOf(c) < api.calls.indexOf(final));
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    // Each draft is a longer start of the answer; the final message is the whole of it.
    const texts = drafts.map(textOf);
    for (const [i, text] of texts.entries()) {
      expect(answer.startsWith(text)).toBe(true);
      if (i > 0) expect(text.length).toBeGreaterThan((texts[i - 1] ?? "").length);
    }
    expect(textOf(final)).toContain(answer);
    // No draft after the final message.
    const late = api.calls
      .slice(api.calls.indexOf(final))
      .filter((c) => c.method === "sendMessageDraft");
    expect(late).toEqual([]);
  });

  it("falls through to the next provider when a stream is cut mid-answer", async () => {
    const user = someone();
    groq.setStreaming({ ...AT_ONCE, cutAfterTokens: 4 });
    groq.setReply("Half of an answer that never ends because the connection drops here.");
    gemini.setStreaming(AT_ONCE);
    gemini.setReply("A hack emptied an exchange wallet. Check your own exchange's notices.");
    const geminiBefore = gemini.requests.length;
    const reply = textOf(
      await say(
        api,
        user,
        "Hackers drained $40 million from the hot wallet of crypto exchange Bybit",
      ),
    );
    expect(reply).toContain("A hack emptied an exchange wallet.");
    expect(reply).not.toContain("Half of an answer");
    expect(gemini.requests.length).toBe(geminiBefore + 1);
    groq.setStreaming(AT_ONCE);
  });
});

describe("links end to end with private addresses refused", () => {
  const dir = tempDir();
  let api: BotApiEmulator;
  let rvx: ReturnType<typeof startRvx>;
  const site = startNewsSite();

  beforeAll(async () => {
    api = await startBotApiEmulator();
    rvx = startRvx(env(api, dir.path, { LINK_FETCH: "true", LINK_FETCH_ALLOW_PRIVATE: "false" }));
    await api.waitFor((c) => c.method === "getUpdates", { timeoutMs: 20_000 });
  });
  afterAll(async () => {
    rvx.kill("SIGKILL");
    await api.close();
    await site.stop();
    dir[Symbol.dispose]();
  });

  it("refuses a loopback link without a request reaching the server, and reads its address", async () => {
    const user: TestUser = { id: 7401, first_name: "Bo", language_code: "en" };
    const reply = textOf(await say(api, user, site.url("/news/sec-approves-spot-bitcoin-etfs")));
    expect(reply).toStartWith(`${en("link.failed.refused_address")} ${en("link.address_only")}`);
    // The slug alone still says what the news is about.
    expect(reply).toContain("ETF");
    expect(site.requests).toBe(0);
  });

  it("tells a user without an AI key that a picture needs its text, spending nothing", async () => {
    const user: TestUser = { id: 7402, first_name: "Cy", language_code: "en" };
    const after = api.calls.length;
    api.sendPhoto(user, new Uint8Array([1, 2, 3]));
    expect(textOf(await api.waitForReply(user.id, { after }))).toBe(en("image.needs_text"));
    expect(api.fileDownloads).toBe(0);
  });
});
