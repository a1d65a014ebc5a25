import { ask } from "../actors/ask";
import type { CallResult, ProviderMsg } from "../actors/provider";
import type { AnswerChain } from "../analyzers/chain";
import type { ExplainRequest, Provider, ProviderName } from "../analyzers/provider";
import { type Clock, systemClock } from "../clock";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import type { Lease, ProviderSupervisor } from "./provider-supervisor";

export interface AiChainDeps {
  /** The supervised AI providers; tried in `names` order. */
  readonly providers: Pick<ProviderSupervisor, "names" | "acquire"> &
    Partial<Pick<ProviderSupervisor, "vision">>;
  /** The last resort (the offline analyzer); expected never to fail. */
  readonly fallback: Provider;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /**
   * Upper bound on waiting for a provider actor's reply. The actor enforces the provider
   * timeout itself, so this only guards against a lost reply; make it a little longer.
   */
  readonly replyTimeoutMs: number;
  /**
   * ANSWER_DEADLINE_MS: when no AI provider has answered this long after the request, the call
   * in flight is aborted and the fallback answers. Runs on `clock`.
   */
  readonly deadlineMs?: number;
  readonly clock?: Clock;
}

/**
 * The explanation chain: each AI provider in order, then the fallback, so a user always gets an
 * answer. A provider whose breaker is open (or whose half-open trial is taken) is skipped at
 * once, without a call; one that fails, times out or is busy hands over to the next.
 */
export function createAiChain(deps: AiChainDeps): AnswerChain {
  const log = deps.logger.child({ component: "ai-chain" });
  const clock = deps.clock ?? systemClock;

  const reads = (name: ProviderName): boolean => deps.providers.vision?.(name) === true;

  /** The first AI provider's answer, or undefined when none answers (or `signal` aborts). */
  async function firstAnswer(request: ExplainRequest) {
    for (const name of deps.providers.names) {
      // The caller gave up, or the deadline passed: finish with the answer that needs no network.
      if (request.signal?.aborted) return undefined;
      // A provider without a vision model cannot read the image: skipped without a call.
      const lease = request.image && !reads(name) ? undefined : deps.providers.acquire(name);
      if (!lease) {
        deps.metrics.providerRequests.inc({ provider: name, outcome: "skipped" });
        continue;
      }
      const attempt = attemptOf(request);
      const result = await call(lease, attempt.request, deps.replyTimeoutMs).finally(attempt.end);
      if (result.ok) return { text: result.text, provider: name };
      // Busy is routine under load; anything else is worth seeing.
      const level = result.reason === "busy" ? "debug" : "info";
      log[level](
        { provider: name, reason: result.reason },
        "provider gave no answer; trying the next",
      );
    }
    return undefined;
  }

  /** `firstAnswer`, but undefined once `deadlineMs` has passed (the call in flight aborted). */
  async function withinDeadline(request: ExplainRequest, deadlineMs: number) {
    const deadline = new AbortController();
    const passed = new Promise<undefined>((resolve) =>
      deadline.signal.addEventListener("abort", () => resolve(undefined), { once: true }),
    );
    const cancel = clock.setTimeout(() => deadline.abort(), deadlineMs);
    const signal = request.signal
      ? AbortSignal.any([request.signal, deadline.signal])
      : deadline.signal;
    try {
      const answer = await Promise.race([firstAnswer({ ...request, signal }), passed]);
      if (!answer && deadline.signal.aborted) {
        log.info({ deadlineMs }, "no AI answer within the answer deadline; answering offline");
      }
      return answer;
    } finally {
      cancel();
    }
  }

  /** The first AI answer within ANSWER_DEADLINE_MS (when set), or undefined. */
  const aiAnswer = (
    request: ExplainRequest,
  ): Promise<{ text: string; provider: ProviderName } | undefined> =>
    deps.deadlineMs === undefined ? firstAnswer(request) : withinDeadline(request, deps.deadlineMs);

  return {
    async explain(request) {
      const answer = await aiAnswer(request);
      if (answer) return answer;
      // Offline: the caption alone, answered at once (nothing to stream).
      const fallback = await deps.fallback.explain({ text: request.text, lang: request.lang });
      return { text: fallback.text, provider: deps.fallback.name };
    },
    tutor: aiAnswer,
    vision: deps.providers.names.some(reads),
  };
}

/**
 * One provider's try at a request: its own `onDelta`, silenced once the try ends, so a stream
 * that broke (or a late chunk of one given up on) never overwrites the next provider's draft.
 */
function attemptOf(request: ExplainRequest): { request: ExplainRequest; end: () => void } {
  const { onDelta } = request;
  if (!onDelta) return { request, end: () => {} };
  let live = true;
  return {
    request: {
      ...request,
      onDelta: (text) => {
        if (live) onDelta(text);
      },
    },
    end: () => {
      live = false;
    },
  };
}

type Attempt = CallResult | { readonly ok: false; readonly reason: "no_reply" | "stopped" };

/** Asks the leased actor; resolves early if the supervisor stops it, since its reply may be lost. */
function call(lease: Lease, request: ExplainRequest, timeoutMs: number): Promise<Attempt> {
  const stoppedAttempt: Attempt = { ok: false, reason: "stopped" };
  if (lease.stopped.aborted) return Promise.resolve(stoppedAttempt);
  return new Promise((resolve) => {
    const onStop = () => resolve(stoppedAttempt);
    lease.stopped.addEventListener("abort", onStop, { once: true });
    ask<ProviderMsg, CallResult>(
      lease.ref,
      (replyTo) => ({
        type: "explain",
        text: request.text,
        lang: request.lang,
        signal: request.signal,
        ...(request.tutor ? { tutor: request.tutor } : {}),
        ...(request.image ? { image: request.image } : {}),
        ...(request.onDelta ? { onDelta: request.onDelta } : {}),
        replyTo,
      }),
      timeoutMs,
      `provider ${lease.provider}`,
    )
      .catch((): Attempt => ({ ok: false, reason: "no_reply" }))
      .then(resolve)
      .finally(() => lease.stopped.removeEventListener("abort", onStop));
  });
}
