import { describe, expect, it } from "bun:test";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { until } from "../../test/support/until";
import { silentLogger } from "../logger";
import { startCheckpointer } from "./checkpointer";
import { openDatabase } from "./open";

describe("checkpointer", () => {
  it("copies committed pages from the WAL into the database file off the main thread", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rvx-checkpoint-"));
    const path = join(dir, "rvx.db");
    const db = openDatabase(path);
    const checkpointer = startCheckpointer(db, path, { logger: silentLogger(), intervalMs: 5 });
    try {
      const before = statSync(path).size;
      db.run("CREATE TABLE blobs (b BLOB)");
      const insert = db.query("INSERT INTO blobs VALUES (?)");
      db.transaction(() => {
        for (let i = 0; i < 256; i++) insert.run(new Uint8Array(4096));
      })();
      // Far below the safety net (10,000 pages): only the worker can have moved these pages.
      expect(statSync(path).size).toBe(before);
      await until(() => statSync(path).size >= before + 256 * 4096, "the checkpoint", 10_000_000);
    } finally {
      checkpointer.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
