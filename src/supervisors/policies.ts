import type { SupervisionContext } from "nact";
import type { Logger } from "../logger";

/** What a supervisor may decide for a crashed actor. */
export type Decision = "resume" | "reset" | "stop";

// nact passes untyped messages to onCrash; policies only log and decide.
// biome-ignore lint/suspicious/noExplicitAny: nact's supervision signature
type AnyContext = SupervisionContext<any, any>;

/**
 * Builds an nact `onCrash` that logs the defect, runs `onFailure` (to answer a waiting caller),
 * and returns `decision`. It never throws: a throwing onCrash would kill the process.
 */
export function supervise(
  decision: Decision,
  logger: Logger,
  onFailure: (message: unknown) => void = () => {},
) {
  return (message: unknown, error: Error | undefined, ctx: AnyContext) => {
    try {
      logger.error(
        { err: error, actor: ctx.name, messageType: typeOf(message), decision },
        "actor crashed",
      );
      onFailure(message);
    } catch {
      // Logging or answering failed; the decision below still stands.
    }
    return ctx[decision];
  };
}

function typeOf(message: unknown): string | undefined {
  return typeof message === "object" && message !== null && "type" in message
    ? String(message.type)
    : undefined;
}
