import type { Registry } from "prom-client";
import { type Clock, systemClock } from "../clock";

/** One readiness check: its name and whether it passes now. */
export type ReadinessCheck = () => Promise<boolean> | boolean;

export interface OpsServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests); the caller decides whether to start at all. */
  readonly port: number;
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  readonly token?: string;
  readonly registry: Registry;
  readonly readiness: Readonly<Record<string, ReadinessCheck>>;
  /** How long one readiness check may take before it counts as failed. */
  readonly checkTimeoutMs?: number;
  readonly clock?: Clock;
}

/**
 * The operator's HTTP endpoint: `/metrics` (Prometheus text), `/healthz` (the process is alive)
 * and `/readyz` (every readiness check passes; 503 with the failing ones otherwise).
 */
export function startOpsServer(options: OpsServerOptions) {
  const checkTimeoutMs = options.checkTimeoutMs ?? 2000;
  const server = Bun.serve({
    hostname: options.host,
    port: options.port,
    async fetch(request) {
      const { pathname } = new URL(request.url);
      if (request.method !== "GET") return new Response("method not allowed\n", { status: 405 });
      switch (pathname) {
        case "/metrics":
          if (options.token && !authorized(request, options.token)) {
            return new Response("unauthorized\n", {
              status: 401,
              headers: { "WWW-Authenticate": 'Bearer realm="rvx"' },
            });
          }
          return new Response(await options.registry.metrics(), {
            headers: { "Content-Type": options.registry.contentType },
          });
        case "/healthz":
          return Response.json({ status: "ok" });
        case "/readyz": {
          const checks = await runChecks(
            options.readiness,
            checkTimeoutMs,
            options.clock ?? systemClock,
          );
          const ready = Object.values(checks).every(Boolean);
          return Response.json(
            { status: ready ? "ready" : "not ready", checks },
            { status: ready ? 200 : 503 },
          );
        }
        default:
          return new Response("not found\n", { status: 404 });
      }
    },
  });
  return {
    url: `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${server.port}`,
    port: server.port,
    stop: () => server.stop(true),
  };
}

export type OpsServer = ReturnType<typeof startOpsServer>;

function authorized(request: Request, token: string): boolean {
  const given = request.headers.get("authorization") ?? "";
  const expected = `Bearer ${token}`;
  // Constant-time comparison: the token must not leak through response timing.
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

async function runChecks(
  checks: Readonly<Record<string, ReadinessCheck>>,
  timeoutMs: number,
  clock: Clock,
): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let cancel = () => {};
      const timedOut = new Promise<boolean>((resolve) => {
        cancel = clock.setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        return [name, await Promise.race([Promise.resolve(check()), timedOut])] as const;
      } catch {
        return [name, false] as const;
      } finally {
        cancel();
      }
    }),
  );
  return Object.fromEntries(entries);
}
