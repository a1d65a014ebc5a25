/**
 * Resolves once `condition` holds, checking after each turn of the event loop (actors handle
 * messages in setImmediate callbacks). Bounded by turns, not time: it never sleeps.
 */
export async function until(condition: () => boolean, what = "condition", maxTurns = 100_000) {
  for (let turn = 0; turn < maxTurns; turn++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`${what} did not hold after ${maxTurns} event-loop turns`);
}

/** Resolves once an async `read` returns a value satisfying `predicate`. */
export async function untilValue<T>(
  read: () => Promise<T>,
  predicate: (value: T) => boolean,
  what = "value",
) {
  for (let turn = 0; turn < 100_000; turn++) {
    const value = await read();
    if (predicate(value)) return value;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`${what} never matched`);
}
