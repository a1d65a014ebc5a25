import { dispatch, type Ref, spawn } from "nact";
import { classifyError } from "../analyzers/classify-error";
import type {
  ImageInput,
  Provider,
  ProviderFailureKind,
  ProviderName,
} from "../analyzers/provider";
import type { TutorContext } from "../analyzers/tutor-prompt";
import type { Cancel, Clock } from "../clock";
import { assertNever } from "../errors";
import type { Lang } from "../i18n/lang";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import { admitted, type CrashHooks, type Policy } from "./supervision";

/**
 * Why a call gave no answer: the provider's failure kinds, plus `busy` (the concurrency limit
 * was reached, nothing was sent), `cancelled` (the caller gave up or the actor was stopped)
 * and `crashed` (a defect in this actor).
 */
export type CallFailure = ProviderFailureKind | "busy" | "cancelled" | "crashed";

/** The reply to one call. */
export type CallResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: CallFailure; readonly retryAfterMs?: number };

/** Messages a provider actor accepts. A call without `replyTo` is a health probe. */
export type ProviderMsg = {
  readonly type: "explain";
  readonly text: string;
  readonly lang: Lang;
  /** The caller's own cancellation; an abort here is not held against the provider. */
  readonly signal?: AbortSignal;
  /** A beginner's question in this context instead of a news post (the tutor prompt). */
  readonly tutor?: TutorContext;
  /** A screenshot or photo to read (send only to a provider whose `vision` is true). */
  readonly image?: ImageInput;
  /** Streams the answer: called with the raw text so far (see ExplainRequest.onDelta). */
  readonly onDelta?: (textSoFar: string) => void;
  readonly replyTo?: Ref<CallResult>;
};

/** What a provider actor tells its supervisor after every call, so the breaker can count. */
export type CallReport = {
  readonly type: "outcome";
  readonly provider: ProviderName;
  /** Which incarnation of the actor made the call; reports from a stopped one are stale. */
  readonly generation: number;
  readonly outcome: "ok" | CallFailure;
  readonly retryAfterMs?: number;
};

type Internal =
  | { readonly type: "settled"; readonly id: number; readonly result: CallResult }
  | { readonly type: "deadline"; readonly id: number };

type Call = {
  readonly msg: ProviderMsg;
  readonly controller: AbortController;
  readonly startedAt: number;
  readonly cancelDeadline: Cancel;
  timedOut: boolean;
};

export interface ProviderActorDeps {
  readonly provider: Provider;
  readonly generation: number;
  readonly reportTo: Ref<CallReport>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** A call is aborted this long after it starts, on `clock`. */
  readonly timeoutMs: number;
  /** Calls in flight at most; one more is refused as `busy` at once. */
  readonly concurrency: number;
}

/**
 * Spawns the actor that calls one AI provider. Each call runs without blocking the mailbox,
 * bounded by `concurrency` and by `timeoutMs` on the injected clock: at the deadline the HTTP
 * request is aborted, so nothing is left running. When the limit is reached a call is refused
 * as `busy` at once rather than queued: waiting behind slow calls could cost a user up to a
 * whole timeout, while the next provider in the chain is probably free. Every outcome is
 * replied to the caller and reported to the supervisor. When stopped (its breaker opened), the
 * actor aborts its calls and answers their callers `cancelled`.
 */
export function spawnProvider(
  parent: Ref<unknown>,
  deps: ProviderActorDeps,
  policy: Policy,
): Ref<ProviderMsg> {
  const { provider, clock, metrics } = deps;
  const name = provider.name;
  const log = deps.logger.child({ actor: "provider", provider: name, generation: deps.generation });
  const calls = new Map<number, Call>();
  let nextId = 0;

  function start(msg: ProviderMsg): void {
    if (calls.size >= deps.concurrency) {
      finish(msg, { ok: false, reason: "busy" });
      return;
    }
    const id = nextId++;
    const controller = new AbortController();
    const signal = msg.signal
      ? AbortSignal.any([controller.signal, msg.signal])
      : controller.signal;
    calls.set(id, {
      msg,
      controller,
      startedAt: clock.now(),
      cancelDeadline: clock.setTimeout(
        () => dispatch(ref, { type: "deadline", id }),
        deps.timeoutMs,
      ),
      timedOut: false,
    });
    const request = {
      text: msg.text,
      lang: msg.lang,
      signal,
      ...(msg.tutor ? { tutor: msg.tutor } : {}),
      ...(msg.image ? { image: msg.image } : {}),
      ...(msg.onDelta ? { onDelta: msg.onDelta } : {}),
    };
    provider.explain(request).then(
      (answer): void =>
        dispatch(ref, { type: "settled", id, result: { ok: true, text: answer.text } }),
      (error: unknown): void => {
        const { kind, retryAfterMs } = classifyError(name, error);
        dispatch(ref, { type: "settled", id, result: { ok: false, reason: kind, retryAfterMs } });
      },
    );
  }

  function settle(id: number, result: CallResult): void {
    const call = calls.get(id);
    if (!call) return;
    calls.delete(id);
    call.cancelDeadline();
    metrics.providerDuration.observe({ provider: name }, (clock.now() - call.startedAt) / 1000);
    finish(call.msg, meaningOf(call, result));
  }

  function finish(msg: ProviderMsg, result: CallResult): void {
    const outcome = result.ok ? "ok" : result.reason;
    metrics.providerRequests.inc({ provider: name, outcome });
    if (!result.ok && result.reason !== "busy") {
      log.debug({ outcome, probe: !msg.replyTo }, "call failed");
    }
    if (msg.replyTo) dispatch(msg.replyTo, result);
    dispatch(deps.reportTo, {
      type: "outcome",
      provider: name,
      generation: deps.generation,
      outcome,
      ...(!result.ok && result.retryAfterMs !== undefined
        ? { retryAfterMs: result.retryAfterMs }
        : {}),
    });
  }

  /** Aborts every call in flight; their callers hear `cancelled` instead of a lost reply. */
  function abortAll(): void {
    for (const call of calls.values()) {
      call.cancelDeadline();
      call.controller.abort();
      metrics.providerRequests.inc({ provider: name, outcome: "cancelled" });
      if (call.msg.replyTo) dispatch(call.msg.replyTo, { ok: false, reason: "cancelled" });
    }
    calls.clear();
  }

  // Only a defect reaches the policy: the caller is answered and a half-open trial released.
  const hooks: CrashHooks = {
    log,
    answer: (msg) => {
      if (isCall(msg)) finish(msg, { ok: false, reason: "crashed" });
    },
  };
  const supervision = policy(hooks);
  const ref: Ref<ProviderMsg | Internal> = spawn(
    parent,
    (state: null, msg: ProviderMsg | Internal) => {
      if (!admitted(supervision, hooks, msg)) return state;
      switch (msg.type) {
        case "explain":
          start(msg);
          return state;
        case "settled":
          settle(msg.id, msg.result);
          return state;
        case "deadline": {
          const call = calls.get(msg.id);
          if (call) {
            call.timedOut = true;
            call.controller.abort();
          }
          return state;
        }
        default:
          return assertNever(msg);
      }
    },
    `provider-${name}-${deps.generation}`,
    {
      initialState: null,
      afterStop: abortAll,
      onCrash: supervision.onCrash,
    },
  );
  return ref as Ref<ProviderMsg>;
}

function meaningOf(call: Call, result: CallResult): CallResult {
  if (result.ok) return result;
  // An abort surfaces as whatever the SDK throws; who aborted, and why, is known only here.
  if (call.timedOut) return { ok: false, reason: "timeout" };
  if (call.msg.signal?.aborted) return { ok: false, reason: "cancelled" };
  return result;
}

function isCall(msg: unknown): msg is ProviderMsg {
  return typeof msg === "object" && msg !== null && (msg as { type?: unknown }).type === "explain";
}
