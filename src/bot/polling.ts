import { type Api, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger";
import { abortableSleep } from "./retry";

export interface PollingOptions {
  readonly api: Api;
  /** Stores a batch of updates (throws when it cannot); the offset moves past them after that. */
  readonly accept: (updates: readonly Update[]) => unknown;
  readonly allowedUpdates: readonly string[];
  readonly logger: Logger;
  /** Long-poll duration of each getUpdates, in seconds. */
  readonly timeoutSeconds?: number;
  /** Pause after a failed getUpdates or a failed store, doubling up to 30 s. */
  readonly pauseMs?: number;
}

const MAX_PAUSE_MS = 30_000;

/**
 * Long polling that confirms an update to Telegram (by asking for the next offset) only after it
 * is stored: an update taken but not stored is delivered again. Ends (rejecting `ended`) when
 * Telegram refuses the token or another instance polls with it (401, 409); any other failure of
 * getUpdates or of the store is retried after a growing pause.
 */
export function pollUpdates(options: PollingOptions) {
  const { api, logger } = options;
  const stopping = new AbortController();
  const signal = stopping.signal;
  const basePause = options.pauseMs ?? 1000;
  const ended = (async () => {
    let offset = 0;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const updates = await api.getUpdates(
          {
            offset,
            limit: 100,
            timeout: options.timeoutSeconds ?? 30,
            allowed_updates: options.allowedUpdates as never,
          },
          signal as Parameters<Api["getUpdates"]>[1],
        );
        const last = updates.at(-1);
        if (last) {
          options.accept(updates);
          offset = last.update_id + 1;
        }
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        if (
          error instanceof GrammyError &&
          (error.error_code === 401 || error.error_code === 409)
        ) {
          throw error;
        }
        failures++;
        const pauseMs = Math.min(MAX_PAUSE_MS, basePause * 2 ** (failures - 1));
        if (failures === 1 || pauseMs === MAX_PAUSE_MS) {
          logger.error({ err: error, pauseMs }, "cannot take updates from Telegram; retrying");
        }
        await abortableSleep(pauseMs, signal as Parameters<typeof abortableSleep>[1]).catch(
          () => {},
        );
      }
    }
  })();
  return {
    /** Stops polling (an open long poll is aborted). */
    async stop(): Promise<void> {
      stopping.abort();
      await ended.catch(() => {});
    },
    ended,
  };
}
