import { afterAll, describe, expect, it } from "bun:test";
import { ManualClock } from "../../clock";
import { type FetchPageDeps, fetchPage } from "./fetch-page";

const ARTICLE =
  "<html><head><title>SEC approves spot bitcoin ETFs</title></head><body><p>Hi</p></body></html>";

/** A loopback site whose routes say what each test needs; it counts the requests it saw. */
function startSite() {
  const seen: { path: string; userAgent: string | null }[] = [];
  let release: () => void = () => {};
  const hanging = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrived: () => void = () => {};
  const hangArrived = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(request) {
      const url = new URL(request.url);
      seen.push({ path: url.pathname, userAgent: request.headers.get("user-agent") });
      const hops = Number(url.searchParams.get("n") ?? 0);
      switch (url.pathname) {
        case "/article":
          return new Response(ARTICLE, { headers: { "content-type": "text/html; charset=utf-8" } });
        case "/plain":
          return new Response("Bitcoin halving happened.", {
            headers: { "content-type": "text/plain" },
          });
        case "/hop":
          return hops === 0
            ? Response.redirect("/article", 302)
            : Response.redirect(`/hop?n=${hops - 1}`, 301);
        case "/to-metadata":
          return Response.redirect("http://169.254.169.254/latest/meta-data/", 302);
        case "/to-private-v6":
          return Response.redirect("http://[fd00::1]/", 307);
        case "/image":
          return new Response(new Uint8Array(10), { headers: { "content-type": "image/png" } });
        case "/huge-declared":
          return new Response("x".repeat(3000), { headers: { "content-type": "text/html" } });
        case "/huge-streamed":
          return new Response(
            new ReadableStream({
              pull(controller) {
                controller.enqueue(new TextEncoder().encode("y".repeat(1000)));
              },
            }),
            { headers: { "content-type": "text/html" } },
          );
        case "/hang":
          arrived();
          await hanging;
          return new Response("late", { headers: { "content-type": "text/html" } });
        default:
          return new Response("not found", {
            status: 404,
            headers: { "content-type": "text/html" },
          });
      }
    },
  });
  return {
    url: (path: string) => `http://127.0.0.1:${server.port}${path}`,
    seen,
    hangArrived,
    stop() {
      release();
      server.stop(true);
    },
  };
}

const site = startSite();
afterAll(() => site.stop());

const deps = (overrides: Partial<FetchPageDeps> = {}): FetchPageDeps => ({
  clock: new ManualClock(),
  timeoutMs: 5000,
  maxBytes: 2048,
  maxRedirects: 3,
  userAgent: "RVX-test/1.0 (+link reader)",
  allowLoopback: true,
  resolve: async () => {
    throw new Error("no DNS in this test");
  },
  ...overrides,
});

describe("fetchPage", () => {
  it("reads an HTML page and names RVX in its user agent", async () => {
    const before = site.seen.length;
    const page = await fetchPage(site.url("/article"), deps());
    expect(page).toEqual({
      ok: true,
      url: site.url("/article"),
      contentType: "text/html",
      body: ARTICLE,
    });
    expect(site.seen.slice(before)).toEqual([
      { path: "/article", userAgent: "RVX-test/1.0 (+link reader)" },
    ]);
  });

  it("reads plain text pages", async () => {
    const page = await fetchPage(site.url("/plain"), deps());
    expect(page.ok && page.body).toBe("Bitcoin halving happened.");
  });

  it("refuses loopback without sending a request when loopback is not allowed", async () => {
    const before = site.seen.length;
    expect(await fetchPage(site.url("/article"), deps({ allowLoopback: false }))).toEqual({
      ok: false,
      reason: "refused_address",
    });
    expect(site.seen.length).toBe(before);
  });

  it("follows up to three redirects and refuses a fourth", async () => {
    const three = await fetchPage(site.url("/hop?n=2"), deps());
    expect(three.ok && three.url).toBe(site.url("/article"));
    expect(await fetchPage(site.url("/hop?n=3"), deps())).toEqual({
      ok: false,
      reason: "too_many_redirects",
    });
  });

  it("refuses a redirect to a private address before requesting it", async () => {
    expect(await fetchPage(site.url("/to-metadata"), deps())).toEqual({
      ok: false,
      reason: "refused_address",
    });
    expect(await fetchPage(site.url("/to-private-v6"), deps())).toEqual({
      ok: false,
      reason: "refused_address",
    });
  });

  it("refuses error statuses, non-text content and bodies over the cap", async () => {
    expect({
      missing: await fetchPage(site.url("/nope"), deps()),
      image: await fetchPage(site.url("/image"), deps()),
      declared: await fetchPage(site.url("/huge-declared"), deps()),
      streamed: await fetchPage(site.url("/huge-streamed"), deps()),
    }).toEqual({
      missing: { ok: false, reason: "http_status", status: 404 },
      image: { ok: false, reason: "not_html" },
      declared: { ok: false, reason: "too_large" },
      streamed: { ok: false, reason: "too_large" },
    });
  });

  it("gives up when the injected clock passes the timeout", async () => {
    const clock = new ManualClock();
    const pending = fetchPage(site.url("/hang"), deps({ clock }));
    await site.hangArrived;
    clock.advance(5000);
    expect(await pending).toEqual({ ok: false, reason: "timeout" });
  });
});
