import type { AnswerChain } from "./analyzers/chain";
import { createSequentialChain } from "./analyzers/chain";
import { createOfflineAnalyzer } from "./analyzers/offline/offline-analyzer";
import { createBot } from "./bot/create-bot";
import { type Clock, systemClock } from "./clock";
import type { Config } from "./config";
import { openDatabase } from "./db/open";
import type { Logger } from "./logger";
import { createMetrics, type Metrics } from "./metrics";
import { startRuntime } from "./runtime";
import type { UserFromGetMe } from "grammy/types";

export interface AppDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly metrics?: Metrics;
  readonly chain?: AnswerChain;
}

/**
 * Wires the whole application from a parsed config: database, actor runtime, answer chain and
 * a bot factory. `main.ts` and end-to-end tests both start RVX through here.
 */
export function createApp(deps: AppDeps) {
  const { config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const metrics = deps.metrics ?? createMetrics();
  const db = openDatabase(config.databasePath);
  const chain = deps.chain ?? createSequentialChain([createOfflineAnalyzer()], logger);
  const runtime = startRuntime({ config, db, clock, logger, metrics, chain });
  return {
    config,
    db,
    metrics,
    runtime,
    /** A bot bound to this app's runtime. */
    createBot(token: string, options: { apiRoot?: string; botInfo?: UserFromGetMe } = {}) {
      return createBot(token, {
        config,
        logger,
        metrics,
        users: runtime.users,
        ...options,
      });
    },
    stop: () => runtime.stop(),
  };
}

export type App = ReturnType<typeof createApp>;
