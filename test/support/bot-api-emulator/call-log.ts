import type { Outcome } from "./methods";
import type { Payload } from "./request";

/** One request the bot made, recorded as it arrives. */
export interface ApiCall {
  /** Position in the log; pass `calls.length` as `after` to skip older calls. */
  readonly index: number;
  readonly method: string;
  readonly payload: Payload;
  /** When the request arrived, in ms since the epoch. */
  readonly time: number;
  /** What the emulator answered; absent while the call waits (a long poll). */
  readonly response?: Outcome;
}

export interface WaitOptions {
  /** A safety net for a test that would otherwise hang; never a delay. Default 5000. */
  readonly timeoutMs?: number;
  /** Only calls with `index >= after` count. Default 0. */
  readonly after?: number;
}

/** A wait for a call ran out of time; the message lists the latest calls. */
export class WaitForTimeoutError extends Error {
  override name = "WaitForTimeoutError";
  constructor(
    readonly timeoutMs: number,
    readonly recentCalls: readonly ApiCall[],
  ) {
    super(
      `no matching Bot API call within ${timeoutMs} ms; latest calls:\n${describeCalls(recentCalls)}`,
    );
  }
}

/** Every call, and the tests waiting for one. */
export interface CallLog {
  readonly calls: readonly ApiCall[];
  /** Records a call now and its answer once known, waking the waiters each time. */
  record(
    call: Omit<ApiCall, "index" | "response">,
    answer: Outcome | Promise<Outcome>,
  ): Outcome | Promise<Outcome>;
  waitFor(predicate: (call: ApiCall) => boolean, options?: WaitOptions): Promise<ApiCall>;
  /** Rejects every waiter and any later wait that finds nothing. */
  close(): void;
}

type Waiter = { match(call: ApiCall): boolean; settle(outcome: ApiCall | Error): void };

export function createCallLog(): CallLog {
  const calls: { -readonly [K in keyof ApiCall]: ApiCall[K] }[] = [];
  const waiters = new Set<Waiter>();
  let closed = false;

  function notify(call: ApiCall): void {
    for (const waiter of waiters) if (waiter.match(call)) waiter.settle(call);
  }

  function record(entry: Omit<ApiCall, "index" | "response">, answer: Outcome | Promise<Outcome>) {
    const call: (typeof calls)[number] = { ...entry, index: calls.length };
    calls.push(call);
    // Set a known answer before waking anyone: a waiter resumes only after this returns.
    if (!(answer instanceof Promise)) {
      call.response = answer;
      notify(call);
      return answer;
    }
    // A waiting long poll is visible at once, so a test can wait for the bot to be polling.
    notify(call);
    return answer.then((response) => {
      call.response = response;
      notify(call);
      return response;
    });
  }

  function waitFor(
    predicate: (call: ApiCall) => boolean,
    { timeoutMs = 5000, after = 0 }: WaitOptions = {},
  ): Promise<ApiCall> {
    const match = (call: ApiCall) => call.index >= after && predicate(call);
    const found = calls.find(match);
    if (found) return Promise.resolve(found);
    if (closed) return Promise.reject(new Error("the Bot API emulator is closed"));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        settle(outcome) {
          clearTimeout(timer);
          waiters.delete(waiter);
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        },
      };
      const timer = setTimeout(
        () => waiter.settle(new WaitForTimeoutError(timeoutMs, calls.slice(-10))),
        timeoutMs,
      );
      waiters.add(waiter);
    });
  }

  return {
    calls,
    record,
    waitFor,
    close() {
      closed = true;
      const error = new Error("the Bot API emulator closed while a test waited for a call");
      for (const waiter of waiters) waiter.settle(error);
    },
  };
}

function describeCalls(calls: readonly ApiCall[]): string {
  if (calls.length === 0) return "  (none)";
  return calls.map(describeCall).join("\n");
}

function describeCall({ index, method, payload, response }: ApiCall): string {
  const body = JSON.stringify(payload);
  const shown = body.length > 160 ? `${body.slice(0, 160)}…` : body;
  let outcome = "(waiting)";
  if (response) outcome = response.ok ? "ok" : `${response.error_code} ${response.description}`;
  return `  #${index} ${method} ${shown} -> ${outcome}`;
}
