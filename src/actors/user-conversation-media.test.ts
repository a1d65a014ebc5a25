import { afterEach, describe, expect, it } from "bun:test";
import { testRuntime } from "../../test/support/runtime";
import type { LinkReading } from "../news/links/read-link";
import type { MessageReply, UserMsg } from "./user";

type Setup = ReturnType<typeof testRuntime>;
const running: Setup[] = [];
afterEach(async () => {
  for (const setup of running.splice(0)) await setup.runtime.stop().catch(() => {});
});

function setup(): Setup {
  const s = testRuntime({ env: { FLOOD_INTERVAL_MS: "0", DEFAULT_LANGUAGE: "en" } });
  running.push(s);
  return s;
}

const URL = "https://news.example/markets/sec-approves-spot-bitcoin-etfs";
const ARTICLE: LinkReading = {
  kind: "article",
  canonical: URL,
  title: "SEC approves spot bitcoin ETFs",
  news: "SEC approves spot bitcoin ETFs\n\nThe SEC approved eleven spot bitcoin exchange-traded funds from BlackRock and Fidelity.",
};

const sendLink = (s: Setup, userId: number, link: LinkReading) =>
  s.runtime.users.ask<MessageReply>(
    userId,
    (r): UserMsg => ({ type: "message", input: { text: URL, chatId: userId, link }, replyTo: r }),
    5000,
  );

async function quotaUsed(s: Setup, userId: number): Promise<number> {
  await s.runtime.flush();
  const row = s.db.query("SELECT quota_used AS n FROM users WHERE id = ?").get(userId) as {
    n: number;
  } | null;
  return row?.n ?? 0;
}

describe("conversation: links", () => {
  it("explains a link's article offline from its title and paragraphs, spending one request", async () => {
    const s = setup();

    const reply = await sendLink(s, 1, ARTICLE);

    expect(reply).toMatchObject({
      ok: true,
      kind: "explained",
      count: "new",
      provider: "offline",
      from: { kind: "article", title: "SEC approves spot bitcoin ETFs" },
    });
    expect(reply.ok && "text" in reply ? reply.text : "").toContain("ETF");
    expect(await quotaUsed(s, 1)).toBe(1);
  });

  it("answers a second share of the link from the cache kept under its canonical URL", async () => {
    const s = setup();
    await sendLink(s, 1, ARTICLE);

    const again = await sendLink(s, 2, { ...ARTICLE, news: `${ARTICLE.news}\nUpdated.` });

    expect(again).toMatchObject({ kind: "explained", source: "cache_memory" });
  });

  it("answers a link read only from its address for free, saying why and what the slug says", async () => {
    const s = setup();

    const reply = await sendLink(s, 1, {
      kind: "address",
      canonical: URL,
      news: "sec approves spot bitcoin etfs",
      failure: "timeout",
    });

    expect(reply).toMatchObject({ ok: true, kind: "link_address", failure: "timeout" });
    expect(reply.ok && "text" in reply ? reply.text : "").toContain("ETF");
    expect(await quotaUsed(s, 1)).toBe(0);
  });

  it("leaves out an address whose words say nothing, with fetching off", async () => {
    const s = setup();

    const reply = await sendLink(s, 1, {
      kind: "address",
      canonical: "https://x.example/p/123",
      news: "",
    });

    expect(reply).toEqual({ ok: true, kind: "link_address" });
  });
});
