import { dispatch, type Ref, spawn, stop } from "nact";
import type { CallReport } from "../actors/provider";
import { spawnProvider } from "../actors/provider";
import { PROBE_TEXT } from "../analyzers/prompt";
import type { Provider, ProviderName } from "../analyzers/provider";
import type { Cancel, Clock } from "../clock";
import { assertNever } from "../errors";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import {
  type BreakerEffect,
  type BreakerEvent,
  type BreakerSettings,
  CIRCUIT_CODE,
  type CircuitStatus,
  eventOf,
  MAX_COOLDOWN_MS,
  step,
} from "./breaker";
import { resume } from "./policies";
import {
  type Entry,
  type Incarnation,
  type Lease,
  leaseOf,
  newEntry,
  retire,
} from "./provider-entry";

export type { Lease } from "./provider-entry";

export interface ProviderSupervisorDeps {
  /** The AI providers, in chain order. */
  readonly providers: readonly Provider[];
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly timeoutMs: number;
  /** Calls in flight per provider. */
  readonly concurrency: number;
  readonly failureThreshold: number;
  readonly cooldownMs: number;
  readonly maxCooldownMs?: number;
  readonly healthcheckMs: number;
  /** Jitter source for cooldowns, [0, 1). */
  readonly random?: () => number;
}

type SupervisorMsg =
  | CallReport
  | { readonly type: "cooldown"; readonly provider: ProviderName }
  | { readonly type: "healthcheck" };

/**
 * Supervises one actor per AI provider and runs a circuit breaker for each (transitions in
 * ./breaker.ts). Closed: the actor takes calls. Open: the actor is stopped (nact `stop`) and the
 * chain skips the provider without a call; after the cooldown a fresh actor is spawned
 * half-open and exactly one trial (a user's call or a health probe) goes through. Every
 * `healthcheckMs` each callable provider gets a tiny probe, whose outcome counts like any call.
 *
 * Outcomes arrive as messages from the provider actors. `acquire` runs on the caller's side
 * instead, synchronously, so checking a breaker and claiming the half-open trial are one
 * step; nact copies this actor's children map per message, but there are only three children.
 */
export function createProviderSupervisor(root: Ref<unknown>, deps: ProviderSupervisorDeps) {
  const { clock, metrics } = deps;
  const log = deps.logger.child({ actor: "provider-supervisor" });
  const settings: BreakerSettings = {
    failureThreshold: deps.failureThreshold,
    cooldownMs: deps.cooldownMs,
    maxCooldownMs: Math.max(deps.maxCooldownMs ?? MAX_COOLDOWN_MS, deps.cooldownMs),
  };
  const random = deps.random ?? Math.random;
  const entries = new Map<ProviderName, Entry>();
  let cancelHealthcheck: Cancel | undefined;
  let stopped = false;

  const self: Ref<SupervisorMsg> = spawn(
    root,
    (state: null, msg: SupervisorMsg) => {
      switch (msg.type) {
        case "outcome": {
          const entry = entries.get(msg.provider);
          if (entry && msg.generation === entry.generation) apply(entry, eventOf(msg));
          return state;
        }
        case "cooldown": {
          const entry = entries.get(msg.provider);
          if (entry) apply(entry, { type: "cooldown_elapsed" });
          return state;
        }
        case "healthcheck":
          probeAll();
          scheduleHealthcheck();
          return state;
        default:
          return assertNever(msg);
      }
    },
    "providers",
    { initialState: null, onCrash: resume({ log, answer: () => {} }).onCrash },
  );

  function apply(entry: Entry, event: BreakerEvent): void {
    const result = step(entry.breaker, event, { settings, now: clock.now(), random });
    entry.breaker = result.state;
    for (const effect of result.effects) perform(entry, effect);
  }

  function perform(entry: Entry, effect: BreakerEffect): void {
    const provider = entry.provider.name;
    switch (effect.type) {
      case "changed": {
        const level = effect.to === "open" ? "warn" : "info";
        log[level](
          { provider, from: effect.from, to: effect.to, reason: effect.reason },
          "circuit state changed",
        );
        metrics.providerCircuitState.set({ provider }, CIRCUIT_CODE[effect.to]);
        return;
      }
      case "stop_actor":
        retire(entry);
        return;
      case "spawn_actor":
        entry.actor = incarnate(entry);
        return;
      case "wake_after":
        entry.cancelWake?.();
        entry.cancelWake = clock.setTimeout(
          () => dispatch(self, { type: "cooldown", provider }),
          effect.ms,
        );
        return;
      case "bad_key":
        // A rejected key will not fix itself: this is for whoever configured RVX.
        log.error(
          { provider, openMs: effect.openMs },
          "the provider rejected its API key (401/403) or its quota/credit is exhausted (402); check its *_API_KEY and billing",
        );
        return;
      default:
        assertNever(effect);
    }
  }

  function incarnate(entry: Entry): Incarnation {
    entry.generation += 1;
    const ref = spawnProvider(
      self,
      {
        provider: entry.provider,
        generation: entry.generation,
        reportTo: self,
        clock,
        logger: deps.logger,
        metrics,
        timeoutMs: deps.timeoutMs,
        concurrency: deps.concurrency,
      },
      // A defect in one call must not lose the others in flight: answer it and go on.
      resume,
    );
    return { ref, controller: new AbortController() };
  }

  function probeAll(): void {
    for (const entry of entries.values()) {
      const lease = tryAcquire(entry);
      if (lease) dispatch(lease.ref, { type: "explain", text: PROBE_TEXT, lang: "en" });
    }
  }

  function scheduleHealthcheck(): void {
    cancelHealthcheck = clock.setTimeout(
      () => dispatch(self, { type: "healthcheck" }),
      deps.healthcheckMs,
    );
  }

  function tryAcquire(entry: Entry): Lease | undefined {
    return stopped ? undefined : leaseOf(entry);
  }

  for (const provider of deps.providers) {
    const entry = newEntry(provider, settings);
    entry.actor = incarnate(entry);
    entries.set(provider.name, entry);
    metrics.providerCircuitState.set({ provider: provider.name }, CIRCUIT_CODE.closed);
  }
  scheduleHealthcheck();

  return {
    /** The supervised providers, in chain order. */
    names: deps.providers.map((p) => p.name),
    /** Whether `provider` reads images (its `vision` flag); false for one not supervised here. */
    vision(provider: ProviderName): boolean {
      return entries.get(provider)?.provider.vision === true;
    },
    /**
     * A lease to call `provider` now, or undefined when its breaker is open or its half-open
     * trial is taken. Granting the trial claims it, so call at once.
     */
    acquire(provider: ProviderName): Lease | undefined {
      const entry = entries.get(provider);
      return entry ? tryAcquire(entry) : undefined;
    },
    /** The breaker's status, or undefined for a provider not supervised here. */
    status(provider: ProviderName): CircuitStatus | undefined {
      return entries.get(provider)?.breaker.status;
    },
    /** Cancels the health checks and cooldowns and stops every provider actor. */
    stop(): void {
      if (stopped) return;
      stopped = true;
      cancelHealthcheck?.();
      for (const entry of entries.values()) {
        entry.cancelWake?.();
        retire(entry);
      }
      stop(self);
    },
  };
}

export type ProviderSupervisor = ReturnType<typeof createProviderSupervisor>;
