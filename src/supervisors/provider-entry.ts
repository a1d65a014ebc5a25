import { type Ref, stop } from "nact";
import type { ProviderMsg } from "../actors/provider";
import type { Provider, ProviderName } from "../analyzers/provider";
import type { Cancel } from "../clock";
import { acquire, type BreakerSettings, type BreakerState, initialBreaker } from "./breaker";

/** The right to send one call to a provider's current actor. */
export interface Lease {
  readonly provider: ProviderName;
  readonly ref: Ref<ProviderMsg>;
  /** Aborted when this actor is stopped: a caller stops waiting for a reply that may be lost. */
  readonly stopped: AbortSignal;
}

/** One life of a provider's actor, from its spawn to its stop. */
export type Incarnation = { readonly ref: Ref<ProviderMsg>; readonly controller: AbortController };

/** One supervised provider: its breaker and its running actor. */
export type Entry = {
  readonly provider: Provider;
  breaker: BreakerState;
  generation: number;
  /** The running actor; absent while the breaker is open. */
  actor: Incarnation | undefined;
  cancelWake: Cancel | undefined;
};

/** A closed breaker and no actor yet. */
export function newEntry(provider: Provider, settings: BreakerSettings): Entry {
  return {
    provider,
    breaker: initialBreaker(settings),
    generation: 0,
    actor: undefined,
    cancelWake: undefined,
  };
}

/**
 * A lease on the entry's actor when its breaker grants a call now; granting a half-open trial
 * claims it (the breaker's state is updated in place).
 */
export function leaseOf(entry: Entry): Lease | undefined {
  if (!entry.actor) return undefined;
  const claim = acquire(entry.breaker);
  entry.breaker = claim.state;
  if (!claim.granted) return undefined;
  const { ref, controller } = entry.actor;
  return { provider: entry.provider.name, ref, stopped: controller.signal };
}

/** Stops the entry's actor, if any, and aborts the calls waiting on it. */
export function retire(entry: Entry): void {
  const actor = entry.actor;
  entry.actor = undefined;
  if (!actor) return;
  actor.controller.abort();
  stop(actor.ref);
}
