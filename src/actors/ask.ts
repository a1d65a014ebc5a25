import { query, type Ref } from "nact";
import { AskTimeoutError } from "../errors";

/**
 * Sends a request that carries its own `replyTo` and waits for the reply, at most `timeoutMs`.
 * Every request/response between actors goes through here, so none can wait forever.
 */
export async function ask<Req, Res>(
  target: Ref<Req>,
  make: (replyTo: Ref<Res>) => Req,
  timeoutMs: number,
  targetName = "actor",
): Promise<Res> {
  try {
    return (await query(target, make, timeoutMs)) as Res;
  } catch (error) {
    if (error instanceof Error && error.message === "Query Timeout") {
      throw new AskTimeoutError(targetName, timeoutMs, { cause: error });
    }
    throw error;
  }
}
