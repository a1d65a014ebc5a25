import { describe, expect, it } from "bun:test";
import { until } from "../../test/support/until";
import { ManualClock } from "../clock";
import { createMetrics } from "../metrics";
import { startOpsServer } from "./ops-server";

function serve(
  options: { token?: string; ready?: boolean; clock?: ManualClock; onHang?: () => void } = {},
) {
  const metrics = createMetrics({ defaultMetrics: true });
  metrics.updates.inc({ type: "message" });
  const server = startOpsServer({
    host: "127.0.0.1",
    port: 0,
    token: options.token,
    registry: metrics.registry,
    readiness: {
      database: () => true,
      telegram: () => options.ready ?? true,
      hangs: () => {
        if (options.ready !== false) return true;
        options.onHang?.();
        return new Promise<boolean>(() => {});
      },
    },
    checkTimeoutMs: 2000,
    clock: options.clock,
  });
  return Object.assign(server, { [Symbol.dispose]: () => server.stop() });
}

describe("ops server", () => {
  it("serves Prometheus text with process metrics and rvx metrics", async () => {
    using server = serve();
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const body = await response.text();
    expect(body).toContain('rvx_updates_total{type="message"} 1');
    expect(body).toContain("process_resident_memory_bytes");
  });

  it("requires the bearer token for /metrics when one is set", async () => {
    using server = serve({ token: "s3cret-token" });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { Authorization: "Bearer nope" },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.url}/metrics`, {
      headers: { Authorization: "Bearer s3cret-token" },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).not.toContain("s3cret-token");
  });

  it("reports alive and ready, and names the checks that fail", async () => {
    using ok = serve();
    expect(await (await fetch(`${ok.url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${ok.url}/readyz`);
    expect(ready.status).toBe(200);
    const clock = new ManualClock();
    let hanging = false;
    using failing = serve({
      ready: false,
      clock,
      onHang: () => {
        hanging = true;
      },
    });
    const pending = fetch(`${failing.url}/readyz`);
    await until(() => hanging, "the hanging check starts");
    clock.advance(2000);
    const notReady = await pending;
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({
      status: "not ready",
      checks: { database: true, telegram: false, hangs: false },
    });
  });

  it("answers unknown paths with 404 and other methods with 405", async () => {
    using server = serve();
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/metrics`, { method: "POST" })).status).toBe(405);
  });
});
