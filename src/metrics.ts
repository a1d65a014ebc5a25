import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Every rvx_* metric, registered on one registry per process (no global registry). */
export function createMetrics(options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    updates: new Counter({
      name: "rvx_updates_total",
      help: "Telegram updates handled, by type",
      labelNames: ["type"] as const,
      registers,
    }),
    updateDuration: new Histogram({
      name: "rvx_update_duration_seconds",
      help: "Time to handle one update",
      buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 1, 2.5, 5, 10, 20],
      registers,
    }),
    explanations: new Counter({
      name: "rvx_explanations_total",
      help: "Explanations sent, by where the answer came from",
      labelNames: ["source"] as const,
      registers,
    }),
    limitRejections: new Counter({
      name: "rvx_limit_rejections_total",
      help: "Requests refused by flood control or the daily quota",
      labelNames: ["reason"] as const,
      registers,
    }),
    userActors: new Gauge({
      name: "rvx_user_actors_active",
      help: "User actors alive (not passivated)",
      registers,
    }),
    dbFlushBatch: new Histogram({
      name: "rvx_db_flush_batch_size",
      help: "Writes applied per transaction",
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 512, 1000],
      registers,
    }),
    dbFlushDuration: new Histogram({
      name: "rvx_db_flush_duration_seconds",
      help: "Time to apply and commit one batch",
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers,
    }),
    dbQueueDepth: new Gauge({
      name: "rvx_db_queue_depth",
      help: "Writes waiting for the next commit",
      registers,
    }),
    xpAwarded: new Counter({
      name: "rvx_xp_awarded_total",
      help: "XP committed to users",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
