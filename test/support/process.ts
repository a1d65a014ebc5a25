import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dir, "..", "..");

/** A temporary directory removed on dispose. */
export function tempDir(prefix = "rvx-"): { path: string } & Disposable {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, [Symbol.dispose]: () => rmSync(path, { recursive: true, force: true }) };
}

/** An environment for a child RVX process: nothing inherited that could change its config. */
export function childEnv(env: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    LOG_LEVEL: "warn",
    // Many RVX processes run at once in tests; none needs the default metrics port.
    METRICS_PORT: "0",
    // Tests never resolve or fetch real sites; a test that reads a loopback page turns it on.
    LINK_FETCH: "false",
    ...env,
  };
}

/** What a child process printed on stdout and stderr, and its exit code, once it has exited. */
export async function finished(child: {
  readonly stdout: ReadableStream<Uint8Array>;
  readonly stderr: ReadableStream<Uint8Array>;
  readonly exited: Promise<number>;
}) {
  const [stdout, stderr, code] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  return { stdout, stderr, code };
}

/** Runs `command` to completion with the given stdin and an environment from {@link childEnv}. */
export function runCommand(
  command: string[],
  options: { env: Record<string, string>; stdin?: string; cwd?: string },
) {
  return finished(
    Bun.spawn(command, {
      cwd: options.cwd ?? ROOT,
      env: childEnv(options.env),
      stdin: options.stdin === undefined ? "ignore" : new Blob([options.stdin]),
      stdout: "pipe",
      stderr: "pipe",
    }),
  );
}

/** Runs `bun src/main.ts ...args` to completion with the given stdin. */
export function runRvx(args: string[], options: { env: Record<string, string>; stdin?: string }) {
  return runCommand([process.execPath, "src/main.ts", ...args], options);
}

/** RVX processes started by tests, until they exit. */
const running = new Set<{
  readonly exitCode: number | null;
  kill(signal?: number | string): void;
}>();

/** Starts `bun src/main.ts` in the background; {@link killLeftovers} ends it if a test does not. */
export function startRvx(env: Record<string, string>) {
  const child = Bun.spawn([process.execPath, "src/main.ts"], {
    cwd: ROOT,
    env: childEnv(env),
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  running.add(child);
  void child.exited.then(() => running.delete(child));
  return child;
}

/**
 * Kills every RVX process a test started and left running (a failed expectation before its
 * SIGTERM): a leftover child would hold the test runner's output open and outlive the run.
 */
export function killLeftovers(): void {
  for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
  running.clear();
}

/** A TCP port free on loopback right now (for a child process to listen on). */
export async function freePort(): Promise<number> {
  const server = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response() });
  const port = server.port;
  await server.stop(true);
  if (port === undefined) throw new Error("no port");
  return port;
}
