import { describe, expect, it } from "bun:test";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../../test/support/process";
import { openDatabase } from "../db/open";
import { lockDatabase } from "./instance-lock";

describe("instance lock", () => {
  it("lets a start through when the pidfile names a live process that holds no lock", () => {
    using dir = tempDir();
    const path = join(dir.path, "rvx.db");
    // After kill -9 the pid left behind may belong to any live process by now.
    writeFileSync(`${path}.pid`, `${process.ppid}\n`);

    const lock = lockDatabase(path);

    expect(lock.ok).toBe(true);
    if (lock.ok) lock.release();
  });

  it("keeps a second instance out through a symlinked file or directory", () => {
    using dir = tempDir();
    const real = join(dir.path, "data");
    mkdirSync(real);
    const path = join(real, "rvx.db");
    openDatabase(path).close();
    symlinkSync(path, join(dir.path, "link.db"));
    symlinkSync(real, join(dir.path, "linked-dir"));
    const held = lockDatabase(path);

    const viaFile = lockDatabase(join(dir.path, "link.db"));
    const viaDir = lockDatabase(join(dir.path, "linked-dir", "rvx.db"));

    expect([held.ok, viaFile, viaDir]).toEqual([
      true,
      { ok: false, pid: process.pid },
      { ok: false, pid: process.pid },
    ]);
    if (held.ok) held.release();
    const after = lockDatabase(join(dir.path, "link.db"));
    expect(after.ok).toBe(true);
    if (after.ok) after.release();
  });

  it("is released when the holder is killed with SIGKILL", async () => {
    using dir = tempDir();
    const path = join(dir.path, "rvx.db");
    const holder = Bun.spawn(
      [
        process.execPath,
        "-e",
        `const { lockDatabase } = await import(${JSON.stringify(join(import.meta.dir, "instance-lock.ts"))});
         const lock = lockDatabase(${JSON.stringify(path)});
         // Kept reachable: a collected connection would close and drop the lock early.
         console.log(lock.ok); setInterval(() => lock, 1000);`,
      ],
      { stdout: "pipe" },
    );
    const reader = holder.stdout.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("true\n");
    expect(lockDatabase(path)).toEqual({ ok: false, pid: holder.pid });

    holder.kill("SIGKILL");
    await holder.exited;

    const lock = lockDatabase(path);
    expect(lock.ok).toBe(true);
    if (lock.ok) lock.release();
  });
});
