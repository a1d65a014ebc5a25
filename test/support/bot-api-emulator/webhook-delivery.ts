import type { EmulatorState } from "./state";

/** One attempt to deliver an update to the webhook, as the emulator saw it. */
export interface Delivery {
  readonly update_id: number;
  readonly status: number;
}

/**
 * Pushes queued updates to the webhook like Telegram: one at a time in order, each POSTed as
 * JSON with the secret token header; a 2xx confirms it, anything else is retried (after
 * `retryMs`). Runs while a webhook URL is set.
 */
export function createWebhookDeliverer(state: EmulatorState, retryMs = 20) {
  const deliveries: Delivery[] = [];
  let running = false;
  let closed = false;

  async function deliverAll(): Promise<void> {
    if (running || closed) return;
    running = true;
    try {
      for (;;) {
        const { url, secret_token } = state.webhook;
        const next = state.updates.pending[0];
        if (closed || url === "" || !next) return;
        let status = 0;
        try {
          const response = await fetch(url, {
            method: "POST",
            headers: {
              "Content-Type": "application/json",
              ...(secret_token ? { "X-Telegram-Bot-Api-Secret-Token": secret_token } : {}),
            },
            body: JSON.stringify(next),
          });
          status = response.status;
          await response.arrayBuffer();
        } catch {
          status = 0; // connection refused: the bot is not up (yet)
        }
        deliveries.push({ update_id: next.update_id, status });
        if (status >= 200 && status < 300) state.updates.confirmThrough(next.update_id);
        else await new Promise((resolve) => setTimeout(resolve, retryMs));
      }
    } finally {
      running = false;
    }
  }

  state.updates.onPush(() => void deliverAll());
  return {
    deliveries,
    /** Starts delivering (after setWebhook). */
    kick: () => void deliverAll(),
    close() {
      closed = true;
    },
  };
}
