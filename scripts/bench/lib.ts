/**
 * What every benchmark shares: the machine it ran on, percentiles, the `--quick` flag, a temp
 * data dir, RSS after a full GC, and the JSON result (with its summary rows) that run-all.ts
 * turns into SUMMARY.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { arch, cpus, platform, tmpdir } from "node:os";
import { join, relative } from "node:path";

export interface Machine {
  readonly cores: number;
  readonly cpu: string;
  readonly bun: string;
  readonly platform: string;
}

export type Percentiles = {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
};

/** One line of SUMMARY.md: RVX's figure against the baseline measured in the same run. */
export interface SummaryRow {
  readonly metric: string;
  readonly unit: string;
  readonly rvx: number;
  /** What the baseline is ("bare grammY, trivial handler"). */
  readonly baselineLabel: string;
  readonly baseline: number | null;
  /** rvx / baseline, when that quotient means something. */
  readonly ratio: number | null;
  /** The target in words, or "—" for a figure that is only reported. */
  readonly target: string;
  /** undefined when there is no target. */
  readonly met?: boolean;
  /** What bounds a missed target, from a measurement or a profile. */
  readonly bound?: string;
  /** A CPU profile explains a miss here (run-all then profiles the benchmark). */
  readonly cpuBound?: boolean;
}

export interface BenchResult {
  readonly benchmark: string;
  readonly command: string;
  readonly setup: Record<string, unknown>;
  readonly results: Record<string, unknown>;
  readonly summary: readonly SummaryRow[];
}

export const RESULTS_DIR = join(import.meta.dir, "results");
const ROOT = join(import.meta.dir, "..", "..");

/** `--quick`: fewer iterations, for a fast look (run-all passes it through). */
export const quick = Bun.argv.includes("--quick");
/**
 * `--profile`: a run under `bun --cpu-prof` (run-all does this for a missed target): only
 * RVX's side is measured and no result is written.
 */
export const profiling = Bun.argv.includes("--profile");

export function machine(): Machine {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    bun: Bun.version,
    platform: `${platform()} ${arch()}`,
  };
}

/** Prints the benchmark's title and the machine it runs on. */
export function header(name: string, what: string): Machine {
  const m = machine();
  console.log(`${name}: ${what}${quick ? " (--quick)" : ""}`);
  console.log(`machine: ${m.cores} cores (${m.cpu}), Bun ${m.bun}, ${m.platform}`);
  return m;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  let sum = 0;
  for (const ms of sorted) sum += ms;
  return {
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(sorted.length ? sum / sorted.length : 0),
  };
}

/** Rounds to `digits` decimals (2 by default). */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** `rvx / baseline` rounded, or null when the baseline is zero. */
export function ratio(rvx: number, baseline: number): number | null {
  return baseline === 0 ? null : round(rvx / baseline, 3);
}

/** Formats a percentile line: "p50 1.23  p95 4.56  p99 7.89 ms". */
export function formatPercentiles(p: Percentiles, unit = "ms"): string {
  return `p50 ${p.p50.toFixed(2)}  p95 ${p.p95.toFixed(2)}  p99 ${p.p99.toFixed(2)}  mean ${p.mean.toFixed(2)} ${unit}`;
}

/** Resident set size in MB after a full, synchronous garbage collection. */
export function rssAfterGc(): number {
  Bun.gc(true);
  Bun.gc(true);
  return round(process.memoryUsage().rss / 2 ** 20, 1);
}

/** A directory under the OS temp dir, removed on dispose. */
export function tempDir(prefix = "rvx-bench-"): { readonly path: string } & Disposable {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, [Symbol.dispose]: () => rmSync(path, { recursive: true, force: true }) };
}

/** Resolves on the next turn of the event loop (actors run in setImmediate callbacks). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Prints the summary rows as verdicts and writes the whole result, with the date and machine,
 * to scripts/bench/results/<benchmark>.json.
 */
export function report(result: BenchResult): void {
  for (const row of result.summary) {
    const base = row.baseline === null ? "" : `; ${row.baselineLabel}: ${row.baseline} ${row.unit}`;
    const ratioText = row.ratio === null ? "" : ` (ratio ${row.ratio})`;
    const verdict = row.met === undefined ? "" : row.met ? "  MET" : "  MISSED";
    console.log(
      `${row.metric}: ${row.rvx} ${row.unit}${base}${ratioText}; target ${row.target}${verdict}`,
    );
    if (row.met === false && row.bound) console.log(`  bounded by: ${row.bound}`);
  }
  if (profiling) return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${result.benchmark}.json`);
  const full = {
    benchmark: result.benchmark,
    date: new Date().toISOString(),
    command: result.command,
    quick,
    machine: machine(),
    setup: result.setup,
    results: result.results,
    summary: result.summary,
  };
  writeFileSync(path, `${JSON.stringify(full, null, 2)}\n`);
  console.log(`wrote ${relative(ROOT, path)}`);
}
