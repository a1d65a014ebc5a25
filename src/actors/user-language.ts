import type { Write } from "../db/writes";
import type { Decision, Learner } from "../learning/learner";
import type { MessageInput } from "../news/conversation/route";

/** The learner as a message is answered: in the group's language when it names one. */
export const asked = (state: Learner, input: MessageInput): Learner =>
  input.lang && input.lang !== state.lang ? { ...state, lang: input.lang } : state;

/** A decision taken in a group's language leaves the user's own language as it was. */
export function inLanguageOf<R>(state: Learner, decision: Decision<R>): Decision<R> {
  if (decision.next.lang === state.lang) return decision;
  const own = (write: Write): Write =>
    write.type === "ensureUser" ? { ...write, lang: state.lang } : write;
  return {
    ...decision,
    next: { ...decision.next, lang: state.lang },
    writes: decision.writes.map(own),
    ...(decision.background ? { background: decision.background.map(own) } : {}),
  };
}
