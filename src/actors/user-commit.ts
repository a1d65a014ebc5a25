import { dispatch, type Ref } from "nact";
import { type Decision, type Learner, UNAVAILABLE, type Unavailable } from "../learning/learner";
import type { createUpdateEffects } from "./update-effects";
import type { WriterClient } from "./writer-client";

/**
 * Returns `run(state, decision, replyTo, committed?)`: commits the decision's writes (with the
 * update's marker and reply), then replies and returns the next state; on failure replies
 * `unavailable` and keeps the old state.
 */
export function createRun(
  writer: WriterClient,
  effects: Pick<ReturnType<typeof createUpdateEffects>, "writesOf">,
) {
  return async function run<R>(
    state: Learner,
    decision: Decision<R>,
    replyTo: Ref<R | Unavailable>,
    committed: () => void = () => {},
  ): Promise<Learner> {
    if (decision.writes.length > 0 && !(await writer.commit(effects.writesOf(decision, replyTo)))) {
      dispatch(replyTo, UNAVAILABLE);
      return state;
    }
    committed();
    dispatch(replyTo, decision.reply);
    if (decision.background?.length) writer.enqueue(decision.background);
    return decision.next;
  };
}
