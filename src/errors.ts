/** A configuration value is missing or malformed; names the variable. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

/** An `ask` got no reply in time. */
export class AskTimeoutError extends Error {
  override readonly name = "AskTimeoutError";
  constructor(
    readonly target: string,
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(`no reply from ${target} within ${timeoutMs} ms`, options);
  }
}

/** Exhaustiveness check for discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
