import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** How an explanation-cache lookup ended (rvx_cache_lookups_total{result}). */
export type CacheLookupResult = "exact_memory" | "exact_db" | "near" | "miss";

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
    messages: new Counter({
      name: "rvx_messages_total",
      help: "Text messages read, by the intent RVX decided (news, question, smalltalk, link, scam, offtopic)",
      labelNames: ["intent"] as const,
      registers,
    }),
    explanations: new Counter({
      name: "rvx_explanations_total",
      help: "Explanations sent, by where the answer came from",
      labelNames: ["source"] as const,
      registers,
    }),
    cacheLookups: new Counter({
      name: "rvx_cache_lookups_total",
      help: "Explanation-cache lookups, by result: exact_memory, exact_db, near (a near-duplicate's answer) or miss",
      labelNames: ["result"] as const,
      registers,
    }),
    limitRejections: new Counter({
      name: "rvx_limit_rejections_total",
      help: "Requests refused by flood control or the daily quota",
      labelNames: ["reason"] as const,
      registers,
    }),
    inboxUpdates: new Counter({
      name: "rvx_inbox_updates_total",
      help: "Updates taken into the inbox: stored, duplicate (ignored), retried, given_up",
      labelNames: ["outcome"] as const,
      registers,
    }),
    inboxPending: new Gauge({
      name: "rvx_inbox_pending",
      help: "Updates in the inbox not done (waiting, being handled, or replies not sent yet)",
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
    remindersSent: new Counter({
      name: "rvx_reminders_sent_total",
      help: "Daily reminders sent, by result: sent, blocked (403/400: the user blocked the bot or the chat is gone; their reminders stop) or failed",
      labelNames: ["result"] as const,
      registers,
    }),
    backupLastSuccess: new Gauge({
      name: "rvx_backup_last_success_timestamp_seconds",
      help: "When the last scheduled backup was written and verified (Unix time)",
      registers,
    }),
    providerRequests: new Counter({
      name: "rvx_provider_requests_total",
      help: "Calls routed to an AI provider, by outcome: ok, a failure kind (timeout, network, server, rate_limited, auth, bad_request, malformed, wrong_language), busy (concurrency limit), cancelled, crashed, or skipped (breaker open or trial taken, no call made)",
      labelNames: ["provider", "outcome"] as const,
      registers,
    }),
    providerDuration: new Histogram({
      name: "rvx_provider_duration_seconds",
      help: "Time from sending a call to an AI provider to its answer, failure or abort",
      labelNames: ["provider"] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30],
      registers,
    }),
    firstTokenSeconds: new Histogram({
      name: "rvx_first_token_seconds",
      help: "Time from sending a streamed call to an AI provider to the first text of its answer",
      labelNames: ["provider"] as const,
      buckets: [0.1, 0.25, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 8, 13],
      registers,
    }),
    providerCircuitState: new Gauge({
      name: "rvx_provider_circuit_state",
      help: "Circuit breaker state per AI provider: 0 closed, 1 half-open, 2 open",
      labelNames: ["provider"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
