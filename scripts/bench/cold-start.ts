/**
 * Cold start of the compiled binary: `bun run build` makes dist/rvx; each start spawns it
 * against a fresh Bot API emulator and a fresh database (migrations run), and counts the time
 * from spawn until the emulator receives the bot's first getUpdates call (after getMe and
 * setMyCommands). The baseline is bare grammY under @grammyjs/runner compiled with the same
 * flags (scripts/bench/bare-bot.ts), started the same way, alternating with RVX. Also reported:
 * RVX from source (`bun src/main.ts`) and each binary's size.
 *
 *   bun run scripts/bench/cold-start.ts [--quick]
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { startBotApiEmulator } from "../../test/support/bot-api-emulator";
import { childEnv } from "../../test/support/process";
import { header, percentiles, quick, ratio, report, round, tempDir } from "./lib";

const STARTS = quick ? 3 : 7;
const ROOT = join(import.meta.dir, "..", "..");
const RVX_BINARY = join(ROOT, "dist", "rvx");

/** Runs a command in the repository root; throws with its output when it fails. */
async function exec(command: string[]): Promise<number> {
  const started = performance.now();
  const child = Bun.spawn(command, { cwd: ROOT, stdout: "pipe", stderr: "pipe" });
  const [stdout, stderr, code] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  if (code !== 0) throw new Error(`${command.join(" ")} exited with ${code}\n${stdout}${stderr}`);
  return performance.now() - started;
}

/** 128 + SIGTERM: the process died of the signal instead of handling it. */
const KILLED_BY_SIGTERM = 143;

/**
 * ms from spawn to the first getUpdates the emulator receives; then SIGTERM, and whether the
 * process stopped cleanly (exit 0) or died of the signal.
 */
async function timeToReady(
  command: string[],
  env: Record<string, string>,
): Promise<{ ms: number; clean: boolean }> {
  await using api = await startBotApiEmulator();
  const started = performance.now();
  const child = Bun.spawn(command, {
    cwd: ROOT,
    env: childEnv({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, ...env }),
    stdin: "ignore",
    stdout: "ignore",
    stderr: "pipe",
  });
  try {
    await api.waitFor((call) => call.method === "getUpdates", { timeoutMs: 30_000 });
    const ready = performance.now() - started;
    child.kill("SIGTERM");
    const code = await child.exited;
    if (code !== 0 && code !== KILLED_BY_SIGTERM) {
      throw new Error(
        `${command[0]} exited with ${code}: ${await new Response(child.stderr).text()}`,
      );
    }
    return { ms: ready, clean: code === 0 };
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    await child.exited;
  }
}

const mb = (path: string) => round(statSync(path).size / 2 ** 20, 1);

async function main(): Promise<void> {
  header("cold-start", `compiled binary, spawn to first getUpdates, ${STARTS} starts each`);
  using dir = tempDir();
  const buildMs = await exec(["bun", "run", "build"]);
  const bareBinary = join(dir.path, "bare-bot");
  await exec([
    "bun",
    "build",
    "--compile",
    "--minify",
    "--sourcemap",
    "scripts/bench/bare-bot.ts",
    "--outfile",
    bareBinary,
  ]);

  const rvx: number[] = [];
  const bare: number[] = [];
  const source: number[] = [];
  const unclean = { rvx: 0, bare: 0, source: 0 };
  const start = async (
    key: keyof typeof unclean,
    samples: number[],
    command: string[],
    env: Record<string, string>,
  ) => {
    const { ms, clean } = await timeToReady(command, env);
    samples.push(ms);
    if (!clean) unclean[key]++;
  };
  for (let i = 0; i < STARTS; i++) {
    const database = (name: string) => ({ DATABASE_PATH: join(dir.path, `${name}-${i}.db`) });
    await start("rvx", rvx, [RVX_BINARY], database("binary"));
    await start("bare", bare, [bareBinary], {});
    await start("source", source, [process.execPath, "src/main.ts"], database("source"));
  }
  const median = (samples: number[]) => percentiles(samples).p50;
  const sizes = { rvxMb: mb(RVX_BINARY), bareMb: mb(bareBinary) };
  const rvxMs = median(rvx);
  const bareMs = median(bare);
  const sourceMs = median(source);

  console.log("baseline: bare grammY + @grammyjs/runner, compiled with the same flags");
  console.log(`bun run build: ${round(buildMs, 0)} ms`);
  console.log(
    `dist/rvx        ready in ${rvxMs} ms (median; ${rvx.map((ms) => round(ms, 0)).join(", ")}), ${sizes.rvxMb} MB`,
  );
  console.log(
    `bare grammY     ready in ${bareMs} ms (median; ${bare.map((ms) => round(ms, 0)).join(", ")}), ${sizes.bareMb} MB`,
  );
  console.log(
    `bun src/main.ts ready in ${sourceMs} ms (median; ${source.map((ms) => round(ms, 0)).join(", ")})`,
  );
  console.log(
    `SIGTERM right at ready killed the process instead of stopping it: RVX binary ${unclean.rvx}, from source ${unclean.source}, bare ${unclean.bare} of ${STARTS} starts each`,
  );
  report({
    benchmark: "cold-start",
    command: "bun run scripts/bench/cold-start.ts",
    setup: {
      starts: STARTS,
      ready: "spawn → the emulator receives the first getUpdates (after getMe, setMyCommands)",
      database: "a fresh file per start (migrations run)",
      build: "bun build --compile --minify --sourcemap",
    },
    results: {
      buildMs: round(buildMs, 0),
      binary: { readyMs: percentiles(rvx), sizeMb: sizes.rvxMb },
      bareGrammy: { readyMs: percentiles(bare), sizeMb: sizes.bareMb },
      fromSource: { readyMs: percentiles(source) },
      killedBySigtermAtReady: unclean,
    },
    summary: [
      {
        metric: "Cold start to ready, dist/rvx",
        unit: "ms",
        rvx: rvxMs,
        baselineLabel: "bare grammY binary",
        baseline: bareMs,
        ratio: ratio(rvxMs, bareMs),
        target: "—",
      },
      {
        metric: "Binary size, dist/rvx",
        unit: "MB",
        rvx: sizes.rvxMb,
        baselineLabel: "bare grammY binary",
        baseline: sizes.bareMb,
        ratio: ratio(sizes.rvxMb, sizes.bareMb),
        target: "—",
      },
    ],
  });
}

await main();
