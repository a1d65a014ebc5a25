/**
 * Runs every benchmark, each as its own `bun` process (so memory figures are per process),
 * collects their results from scripts/bench/results/*.json and writes
 * scripts/bench/results/SUMMARY.md. A benchmark that misses a CPU-bound target is run once
 * more under `bun --cpu-prof` (quick, RVX's side only) and the profile's breakdown goes into
 * the summary.
 *
 *   bun run bench [--quick] [--only pipeline,latency]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { BenchResult, Machine, SummaryRow } from "./lib";
import { header, quick, RESULTS_DIR, round, tempDir } from "./lib";
import { formatShares, type ProfileSummary, summarizeProfileFile } from "./profile-summary";

/** In the order of the issue (item 6, provider outage, is scripts/bench/provider-outage.ts). */
const BENCHMARKS = [
  "pipeline",
  "latency",
  "routing",
  "memory",
  "group-commit",
  "near-cache",
  "provider-outage",
  "e2e-http",
  "webhook-intake",
  "cold-start",
  "streaming",
] as const;

const ROOT = join(import.meta.dir, "..", "..");

type Stored = BenchResult & { date: string; quick: boolean; machine: Machine };

interface Outcome {
  readonly name: string;
  /** Wall time of this run; undefined for a result kept from an earlier run (see --only). */
  readonly seconds?: number;
  readonly result?: Stored;
  readonly error?: string;
  readonly profile?: ProfileSummary;
}

function selected(): readonly string[] {
  const at = Bun.argv.indexOf("--only");
  if (at === -1) return BENCHMARKS;
  const names = (Bun.argv[at + 1] ?? "").split(",").filter(Boolean);
  const unknown = names.filter((n) => !(BENCHMARKS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(", ")}`);
  return names;
}

async function runBenchmark(name: string): Promise<Outcome> {
  const script = join("scripts", "bench", `${name}.ts`);
  const args = quick ? ["--quick"] : [];
  console.log(`\n$ bun run ${script} ${args.join(" ")}`.trimEnd());
  const started = performance.now();
  const child = Bun.spawn([process.execPath, "run", script, ...args], {
    cwd: ROOT,
    stdout: "inherit",
    stderr: "inherit",
  });
  const code = await child.exited;
  const seconds = round((performance.now() - started) / 1000, 1);
  if (code !== 0) return { name, seconds, error: `exited with code ${code}` };
  const path = join(RESULTS_DIR, `${name}.json`);
  const result = JSON.parse(readFileSync(path, "utf8")) as Stored;
  if (Date.parse(result.date) < Date.now() - seconds * 1000 - 1000) {
    return { name, seconds, error: `${relative(ROOT, path)} was not rewritten` };
  }
  return { name, seconds, result };
}

/** The flags a profiling run gets: only RVX's side, as long as the measured run. */
const PROFILE_FLAGS = quick ? ["--quick", "--profile"] : ["--profile"];

/** Runs a benchmark under the CPU profiler and summarizes where its time went. */
async function profile(name: string): Promise<ProfileSummary | undefined> {
  using dir = tempDir("rvx-profile-");
  const script = join("scripts", "bench", `${name}.ts`);
  console.log(
    `\n$ bun --cpu-prof ${script} ${PROFILE_FLAGS.join(" ")}   (target missed: profiling)`,
  );
  const child = Bun.spawn(
    [process.execPath, "--cpu-prof", `--cpu-prof-dir=${dir.path}`, script, ...PROFILE_FLAGS],
    { cwd: ROOT, stdout: "inherit", stderr: "inherit" },
  );
  if ((await child.exited) !== 0) return undefined;
  const file = readdirSync(dir.path).find((f) => f.endsWith(".cpuprofile"));
  return file ? summarizeProfileFile(join(dir.path, file)) : undefined;
}

const number = (value: number) =>
  Math.abs(value) >= 1000 ? Math.round(value).toLocaleString("en") : String(value);

function cells(row: SummaryRow, command: string): string[] {
  const rvx = `${number(row.rvx)} ${row.unit}`;
  const baseline =
    row.baseline === null ? "—" : `${row.baselineLabel}: ${number(row.baseline)} ${row.unit}`;
  const ratio = row.ratio === null ? "—" : String(row.ratio);
  const met = row.met === undefined ? "—" : row.met ? "met" : "**missed**";
  return [row.metric, rvx, baseline, ratio, row.target, met, `\`${command}\``];
}

/** A markdown table with padded columns, as Biome formats one (so `biome check` passes). */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]) =>
    `| ${widths.map((w, i) => (r[i] ?? "").padEnd(w)).join(" | ")} |`;
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

function summary(outcomes: readonly Outcome[]): string {
  const machine = outcomes.find((o) => o.result)?.result?.machine;
  const lines = [
    "# RVX benchmarks",
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`bun run bench${quick ? " --quick" : ""}\`` +
      (machine
        ? ` on ${machine.cores} cores (${machine.cpu}), Bun ${machine.bun}, ${machine.platform}.`
        : "."),
    "Every baseline was measured in the same run as the RVX figure; ratio = RVX / baseline.",
    "",
  ];
  const rows = outcomes.flatMap((o) =>
    o.result
      ? o.result.summary.map((row) => cells(row, o.result?.command ?? ""))
      : [
          [
            o.name,
            `failed: ${o.error}`,
            "—",
            "—",
            "—",
            "**failed**",
            `\`bun run scripts/bench/${o.name}.ts\``,
          ],
        ],
  );
  lines.push(...table(["metric", "RVX", "baseline", "ratio", "target", "met?", "command"], rows));
  const missed = outcomes.flatMap((o) =>
    (o.result?.summary ?? []).filter((r) => r.met === false).map((row) => ({ o, row })),
  );
  if (missed.length > 0) {
    lines.push("", "## Missed targets: what bounds them", "");
    for (const { o, row } of missed) {
      lines.push(
        `- **${row.metric}** (${number(row.rvx)} ${row.unit}; target ${row.target}): ${row.bound ?? "see the benchmark's output"}.`,
      );
      if (row.cpuBound && o.profile) {
        lines.push(
          `  CPU profile (\`bun --cpu-prof scripts/bench/${o.name}.ts ${PROFILE_FLAGS.join(" ")}\`, ${o.profile.samples} samples, module loading excluded), share of samples by component: ${formatShares(o.profile.components)}. Hottest functions (self): ${formatShares(o.profile.functions.slice(0, 6))}.`,
        );
      }
    }
  }
  lines.push("", "## Runs", "");
  for (const o of outcomes) {
    const mode = o.result?.quick ? ", --quick" : "";
    const when =
      o.seconds === undefined
        ? `not run this time; result of ${o.result?.date}${mode}`
        : `${o.seconds} s${mode}`;
    lines.push(`- \`${o.name}\`: ${when}${o.error ? ` (${o.error})` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

async function main(): Promise<void> {
  header("bench", "every benchmark, each in its own process");
  const started = performance.now();
  const outcomes: Outcome[] = [];
  const chosen = selected();
  for (const name of BENCHMARKS) {
    if (!chosen.includes(name)) {
      // With --only, the others keep their last results in the summary.
      const path = join(RESULTS_DIR, `${name}.json`);
      if (existsSync(path)) {
        outcomes.push({ name, result: JSON.parse(readFileSync(path, "utf8")) as Stored });
      }
      continue;
    }
    const outcome = await runBenchmark(name);
    const cpuMiss = outcome.result?.summary.some((r) => r.met === false && r.cpuBound);
    outcomes.push(cpuMiss ? { ...outcome, profile: await profile(name) } : outcome);
  }
  const path = join(RESULTS_DIR, "SUMMARY.md");
  const text = summary(outcomes);
  writeFileSync(path, text);
  console.log(`\n${text}`);
  console.log(
    `wrote ${relative(ROOT, path)} in ${round((performance.now() - started) / 1000, 0)} s`,
  );
  if (outcomes.some((o) => o.error)) process.exitCode = 1;
}

await main();
