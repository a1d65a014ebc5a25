import { HttpError, type Transformer } from "grammy";

/** Whether the bot can talk to the Bot API, as its own calls show. */
export interface Connectivity {
  readonly connected: boolean;
}

/**
 * An API transformer that notes whether the last call reached the Bot API: an answer, even an
 * error, means it did; a network failure, or a 5xx (the Bot API or the proxy in front of it is
 * down), means it did not. Install it outside the retries: it sees each call's final outcome.
 */
export function trackConnectivity(): { state: Connectivity; transformer: Transformer } {
  const state = { connected: false };
  const transformer: Transformer = async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      state.connected = result.ok || result.error_code < 500;
      return result;
    } catch (error) {
      if (error instanceof HttpError) state.connected = false;
      throw error;
    }
  };
  return { state, transformer };
}
