/**
 * Weekly progress picture: time to render one 800×450 PNG: the first render of a process
 * (loads and compiles the resvg WebAssembly, parses the fonts; with `--warm-up`, the first one
 * after `warmUpProgressChart`), then warm renders. With `--compiled`, the same again inside a binary
 * made by `bun build --compile` from this script, run with an empty environment from a temp
 * dir (the WebAssembly and fonts are embedded in it). `--out DIR` writes the ru and en PNGs.
 *
 *   bun run scripts/bench/progress-chart.ts [--quick] [--warm-up] [--compiled] [--out /tmp]
 */
import { join } from "node:path";
import { renderWeeklyProgress, warmUpProgressChart } from "../../src/learning/progress-chart";
import type { WeeklyProgress } from "../../src/learning/progress-chart-svg";
import { formatPercentiles, header, percentiles, quick, round, tempDir } from "./lib";

const RENDERS = quick ? 20 : 100;
// Monday 2026-11-30 as a UTC day number.
const TODAY = Date.UTC(2026, 10, 30) / 86_400_000;
const SAMPLE: WeeklyProgress = {
  days: [25, 0, 60, 5, 120, 45, 30].map((xp, i) => ({ day: TODAY - 6 + i, xp, active: xp > 0 })),
  level: 4,
  xp: 290,
  levelStartXp: 220,
  nextLevelXp: 350,
  streak: 5,
};

async function measure(): Promise<void> {
  let started = performance.now();
  if (Bun.argv.includes("--warm-up")) {
    await warmUpProgressChart();
    console.log(`warm-up ${round(performance.now() - started, 1)} ms`);
    started = performance.now();
  }
  const first = await renderWeeklyProgress(SAMPLE, "ru");
  const cold = performance.now() - started;
  const samples: number[] = [];
  for (let i = 0; i < RENDERS; i++) {
    started = performance.now();
    await renderWeeklyProgress(SAMPLE, i % 2 === 0 ? "en" : "ru");
    samples.push(performance.now() - started);
  }
  console.log(`first render ${round(cold, 1)} ms (${first.length} bytes)`);
  console.log(`warm, ${RENDERS} renders: ${formatPercentiles(percentiles(samples))}`);
  const out = Bun.argv[Bun.argv.indexOf("--out") + 1];
  if (Bun.argv.includes("--out") && out) {
    for (const lang of ["ru", "en"] as const) {
      const path = join(out, `rvx-progress-${lang}.png`);
      await Bun.write(path, await renderWeeklyProgress(SAMPLE, lang));
      console.log(`wrote ${path}`);
    }
  }
}

async function compiled(): Promise<void> {
  using dir = tempDir("rvx-chart-");
  const binary = join(dir.path, "chart");
  const build = Bun.spawnSync(
    [process.execPath, "build", "--compile", "--minify", import.meta.path, "--outfile", binary],
    { stdout: "pipe", stderr: "pipe" },
  );
  if (build.exitCode !== 0) throw new Error(`bun build --compile failed:\n${build.stderr}`);
  console.log("\ncompiled binary (empty environment, run from its temp dir):");
  const args = Bun.argv.slice(2).filter((a) => a !== "--compiled");
  const run = Bun.spawnSync([binary, ...args], { cwd: dir.path, env: {}, stdout: "inherit" });
  if (run.exitCode !== 0) throw new Error(`compiled run failed:\n${run.stderr}`);
}

header("progress-chart", "render the weekly progress PNG");
await measure();
if (Bun.argv.includes("--compiled")) await compiled();
