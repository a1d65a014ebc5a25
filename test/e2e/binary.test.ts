import { afterAll, beforeAll, describe, expect, it } from "bun:test";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCommand, tempDir } from "../support/process";

const ROOT = join(import.meta.dir, "..", "..");

/**
 * The single binary `bun run build` makes: run from an unrelated directory with only a .env
 * beside it, it finds its courses, migrations and locales inside itself.
 */
describe("compiled binary", () => {
  const dir = tempDir("rvx-bin-");
  const binary = join(dir.path, "rvx");

  beforeAll(async () => {
    const build = Bun.spawn(
      [process.execPath, "build", "--compile", "src/main.ts", "--outfile", binary],
      { cwd: ROOT, stdout: "pipe", stderr: "pipe" },
    );
    if ((await build.exited) !== 0) throw new Error(await new Response(build.stderr).text());
    writeFileSync(join(dir.path, ".env"), "DATABASE_PATH=data/rvx.db\nDAILY_LIMIT=7\n");
  }, 120_000);
  afterAll(() => dir[Symbol.dispose]());

  const run = (args: string[], stdin = "") =>
    runCommand([binary, ...args], { cwd: "/", env: { DEFAULT_LANGUAGE: "en" }, stdin });

  it("prints its usage", async () => {
    const { stdout, code } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("rvx restore FILE");
  });

  it("reads the .env beside it and keeps its data there, from any directory", async () => {
    const { stdout, code } = await run([], "/profile\n/learn\n");
    expect(code).toBe(0);
    expect(stdout).toContain("Requests left today: 7 of 7");
    expect(stdout).toContain("Basics: money and blockchain · 0/4");
    expect(existsSync(join(dir.path, "data", "rvx.db"))).toBe(true);
  });

  it("makes a verified backup", async () => {
    const { stdout, code } = await run(["backup"]);
    expect(code).toBe(0);
    const written = /backup written to (\S+)/.exec(stdout)?.[1];
    expect(written).toStartWith("data/backups/rvx-");
    expect(existsSync(join(dir.path, written ?? "missing"))).toBe(true);
  });
});
