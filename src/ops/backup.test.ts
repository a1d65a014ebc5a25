import type { Database } from "bun:sqlite";
import { describe, expect, it } from "bun:test";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../../test/support/process";
import { ManualClock } from "../clock";
import { openDatabase } from "../db/open";
import {
  backupDatabase,
  checkIntegrity,
  listBackups,
  pruneBackups,
  restoreDatabase,
} from "./backup";
import { nextBackupAt, scheduleDailyBackups } from "./backup-schedule";

const users = (db: Database) =>
  (db.query("SELECT count(*) AS n FROM users").get() as { n: number }).n;
const addUser = (db: Database, id: number) =>
  db.run("INSERT INTO users (id, lang, created_at, last_seen_at) VALUES (?, 'en', 1, 1)", [id]);

describe("backups", () => {
  it("round-trips: a backup taken while the database is open restores the same rows", () => {
    using dir = tempDir();
    const dbPath = join(dir.path, "rvx.db");
    const live = openDatabase(dbPath);
    for (let id = 1; id <= 25; id++) addUser(live, id);
    const backup = backupDatabase(
      live,
      join(dir.path, "backups"),
      new Date(Date.UTC(2026, 10, 24, 3)),
    );
    expect(backup.path).toEndWith("rvx-20261124T030000Z.db");
    expect(checkIntegrity(backup.path)).toBe(true);
    addUser(live, 26); // written after the backup: gone after the restore
    live.close();

    restoreDatabase(backup.path, dbPath);
    const restored = openDatabase(dbPath);
    expect(users(restored)).toBe(25);
    restored.close();
    expect(existsSync(`${dbPath}.before-restore`)).toBe(true);
  });

  it("refuses to restore a file that is not a sound database", () => {
    using dir = tempDir();
    const bogus = join(dir.path, "rvx-20260101T000000Z.db");
    writeFileSync(bogus, "not sqlite at all");
    expect(checkIntegrity(bogus)).toBe(false);
    expect(() => restoreDatabase(bogus, join(dir.path, "rvx.db"))).toThrow("integrity check");
  });

  it("keeps only the newest backups", () => {
    using dir = tempDir();
    const db = openDatabase(join(dir.path, "rvx.db"));
    for (let day = 1; day <= 5; day++)
      backupDatabase(db, dir.path, new Date(Date.UTC(2026, 0, day, 3)));
    db.close();
    const deleted = pruneBackups(dir.path, 2);
    expect(deleted.map((p) => p.slice(-23))).toEqual([
      "rvx-20260103T030000Z.db",
      "rvx-20260102T030000Z.db",
      "rvx-20260101T030000Z.db",
    ]);
    expect(listBackups(dir.path).map((p) => p.slice(-23))).toEqual([
      "rvx-20260105T030000Z.db",
      "rvx-20260104T030000Z.db",
    ]);
  });

  it("schedules a backup every day at the configured UTC hour", () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 12));
    expect(nextBackupAt(clock.now(), 3)).toBe(Date.UTC(2026, 10, 25, 3));
    expect(nextBackupAt(Date.UTC(2026, 10, 24, 2), 3)).toBe(Date.UTC(2026, 10, 24, 3));
    const runs: number[] = [];
    const cancel = scheduleDailyBackups(clock, 3, () => runs.push(clock.now()));
    clock.advance(2 * 86_400_000);
    expect(runs).toEqual([Date.UTC(2026, 10, 25, 3), Date.UTC(2026, 10, 26, 3)]);
    cancel();
    clock.advance(86_400_000);
    expect(runs.length).toBe(2);
  });
});
