import { HttpError, type Transformer } from "grammy";

/** Whether the bot can talk to the Bot API, as its own calls show. */
export interface Connectivity {
  readonly connected: boolean;
}

/**
 * An API transformer that notes whether the last call reached the Bot API (any answer, even an
 * error, means the server is reachable; a network failure means it is not).
 */
export function trackConnectivity(): { state: Connectivity; transformer: Transformer } {
  const state = { connected: false };
  const transformer: Transformer = async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      state.connected = true;
      return result;
    } catch (error) {
      if (error instanceof HttpError) state.connected = false;
      throw error;
    }
  };
  return { state, transformer };
}
