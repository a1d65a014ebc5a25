import { describe, expect, it } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const SRC = resolve(import.meta.dir, "../src");

/** Every TypeScript file under src/, as paths relative to src/. */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [relative(SRC, path)] : [];
  });
}

const isTest = (file: string) => file.endsWith(".test.ts");

const COMMENTS = /\/\*[\s\S]*?\*\/|(^|[^:\\])\/\/.*$/gm;
// Static imports and re-exports (type-only ones too: they are arrows between layers as well),
// side-effect imports and dynamic imports.
const SPECIFIERS = [
  /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*["']([^"']+)["']/g,
  /\bimport\s*["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
];

/** The src/ files `file` imports (relative specifiers resolved; packages and JSON left out). */
function importsOf(file: string, known: ReadonlySet<string>): string[] {
  const code = readFileSync(join(SRC, file), "utf8").replace(COMMENTS, "$1");
  const targets = new Set<string>();
  for (const pattern of SPECIFIERS) {
    for (const match of code.matchAll(pattern)) {
      const spec = match[1] ?? "";
      if (!spec.startsWith(".")) continue;
      const base = relative(SRC, resolve(dirname(join(SRC, file)), spec));
      const found = [base, `${base}.ts`, join(base, "index.ts")].find((c) => known.has(c));
      if (found) targets.add(found);
    }
  }
  return [...targets];
}

function importGraph(): Map<string, string[]> {
  const files = sourceFiles();
  const known = new Set(files);
  return new Map(files.map((file) => [file, importsOf(file, known)]));
}

/** The first import cycle found among `files` (as a closed path), or undefined. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === "done") return undefined;
    if (state.get(file) === "visiting") return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, "visiting");
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, "done");
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("architecture", () => {
  const graph = importGraph();
  const production = new Map([...graph].filter(([file]) => !isTest(file)));

  it("finds the imports of every source file", () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get("app.ts")).toContain("runtime.ts");
  });

  it("has no import cycle in src/", () => {
    expect(findCycle(production)).toBeUndefined();
  });

  it("detects a cycle when there is one", () => {
    const cyclic = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
    ]);
    expect(findCycle(cyclic)).toEqual(["a.ts", "b.ts", "c.ts", "a.ts"]);
  });

  it("keeps layers pointing one way", () => {
    // bot -> supervisors -> actors -> learning/news/analyzers/cache -> db -> clock
    const forbidden: Record<string, readonly string[]> = {
      "actors/": ["supervisors/", "bot/", "cli/", "app.ts", "runtime.ts"],
      "supervisors/": ["bot/", "cli/", "app.ts"],
      "learning/": ["actors/", "supervisors/", "bot/", "news/", "analyzers/", "cache/"],
      "news/": ["actors/", "supervisors/", "bot/"],
      "analyzers/": ["actors/", "supervisors/", "bot/", "cache/"],
      "db/": ["actors/", "supervisors/", "bot/", "learning/", "news/", "analyzers/"],
      "config.ts": ["analyzers/", "actors/", "supervisors/", "bot/"],
      "config-": ["analyzers/", "actors/", "supervisors/", "bot/"],
      "clock.ts": [""],
    };
    const violations = [...production].flatMap(([file, targets]) =>
      Object.entries(forbidden)
        .filter(([layer]) => file.startsWith(layer))
        .flatMap(([, banned]) =>
          targets
            .filter((t) => banned.some((b) => t.startsWith(b)))
            .map((target) => `${file} -> ${target}`),
        ),
    );
    expect(violations).toEqual([]);
  });

  it("has no learning rule that imports nact", () => {
    const nact = [...production.keys()].filter(
      (file) =>
        file.startsWith("learning/") &&
        /from\s*["']nact["']/.test(readFileSync(join(SRC, file), "utf8")),
    );
    expect(nact).toEqual([]);
  });
});
