/**
 * Summarizes a `bun --cpu-prof` profile: the share of CPU samples per package (node_modules),
 * per RVX source file and for SQLite, so a missed target names what bounds it. Samples taken
 * while modules load are left out; a native frame counts for the nearest caller with a source.
 *
 *   bun scripts/bench/profile-summary.ts <file.cpuprofile>
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
}

export interface ProfileShare {
  readonly name: string;
  /** Share of the samples, in percent. */
  readonly percent: number;
}

export interface ProfileSummary {
  readonly samples: number;
  /** Where the CPU went, by package, RVX file or SQLite; largest first. */
  readonly components: readonly ProfileShare[];
  /** The functions (with the component they belong to) that spent most CPU themselves. */
  readonly functions: readonly ProfileShare[];
}

const ROOT = `${join(import.meta.dir, "..", "..")}/`;
const LOADING = new Set(["(module)", "require", "bound require", "moduleEvaluation"]);

/** Which component a source URL belongs to, or undefined for native code. */
function component(url: string): string | undefined {
  if (url === "" || url === "[native code]") return undefined;
  if (url.startsWith("bun:sqlite")) return "SQLite (bun:sqlite)";
  const path = url.replace(/^file:\/\//, "");
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
  if (pkg) return pkg;
  const src = /\/(src\/.+)$/.exec(path)?.[1];
  if (src) return src;
  if (path.includes("/scripts/bench/")) return "benchmark driver";
  return path.startsWith(ROOT) ? path.slice(ROOT.length) : path;
}

/** "grammy/out/composer.js:56", "src/actors/user.ts:179", "bun:sqlite:194". */
function place(frame: CallFrame): string {
  const path = frame.url.replace(/^file:\/\//, "");
  const short =
    /\/node_modules\/(.+)$/.exec(path)?.[1] ??
    (path.startsWith(ROOT) ? path.slice(ROOT.length) : path);
  return `${short}:${frame.lineNumber + 1}`;
}

export function summarizeProfile(profile: CpuProfile, top = 8): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const components = new Map<string, number>();
  const functions = new Map<string, number>();
  let counted = 0;
  for (const id of profile.samples) {
    let owner: string | undefined;
    let fn: string | undefined;
    let loading = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      if (LOADING.has(frame.functionName)) {
        loading = true;
        break;
      }
      if (owner === undefined) {
        owner = component(frame.url);
        if (owner) fn = `${frame.functionName || "(anonymous)"} (${place(frame)})`;
      }
    }
    if (loading || byId.get(id)?.callFrame.functionName === "(root)") continue;
    counted++;
    const name = owner ?? "(runtime: GC, timers, native)";
    components.set(name, (components.get(name) ?? 0) + 1);
    if (fn) functions.set(fn, (functions.get(fn) ?? 0) + 1);
  }
  const shares = (counts: Map<string, number>) =>
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, n]) => ({ name, percent: Math.round((n / Math.max(1, counted)) * 1000) / 10 }));
  return { samples: counted, components: shares(components), functions: shares(functions) };
}

/** "grammy 30.1%, SQLite (bun:sqlite) 21.0%, …" */
export function formatShares(shares: readonly ProfileShare[]): string {
  return shares.map((s) => `${s.name} ${s.percent}%`).join(", ");
}

export function summarizeProfileFile(path: string, top = 8): ProfileSummary {
  return summarizeProfile(JSON.parse(readFileSync(path, "utf8")) as CpuProfile, top);
}

if (import.meta.main) {
  const path = Bun.argv[2];
  if (!path) {
    console.error("usage: bun scripts/bench/profile-summary.ts <file.cpuprofile>");
    process.exit(2);
  }
  const summary = summarizeProfileFile(path, 12);
  console.log(`${summary.samples} samples`);
  console.log(`by component: ${formatShares(summary.components)}`);
  console.log("hottest functions (self):");
  for (const f of summary.functions)
    console.log(`  ${f.percent.toFixed(1).padStart(5)}%  ${f.name}`);
}
