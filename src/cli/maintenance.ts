import { existsSync } from "node:fs";
import type { Config } from "../config";
import { openDatabase } from "../db/open";
import {
  BackupError,
  backupDatabase,
  listBackups,
  pruneBackups,
  restoreDatabase,
} from "../ops/backup";
import { lockDatabase } from "../ops/instance-lock";

type Out = (line: string) => void;

/** `rvx migrate`: applies pending migrations and exits. */
export function migrateCommand(config: Config, out: Out): number {
  openDatabase(config.databasePath).close();
  out(`rvx: database at ${config.databasePath} is up to date`);
  return 0;
}

/** `rvx backup`: a consistent, integrity-checked copy now (safe while the bot runs). */
export function backupCommand(config: Config, out: Out, err: Out): number {
  if (!existsSync(config.databasePath)) {
    err(`rvx: no database at ${config.databasePath} (DATABASE_PATH)`);
    return 1;
  }
  const db = openDatabase(config.databasePath);
  try {
    const { path, bytes } = backupDatabase(db, config.ops.backupDir, new Date());
    const pruned = pruneBackups(config.ops.backupDir, config.ops.backupKeep);
    out(`rvx: backup written to ${path} (${bytes} bytes); ${pruned.length} old backup(s) pruned`);
    return 0;
  } catch (error) {
    err(`rvx: backup failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    db.close();
  }
}

/** `rvx restore FILE`: replaces the database with a backup; refuses while RVX runs on it. */
export function restoreCommand(config: Config, file: string | undefined, out: Out, err: Out) {
  if (!file) {
    const latest = listBackups(config.ops.backupDir)[0];
    err(
      `rvx: restore needs a backup file${latest ? `, e.g. rvx restore ${latest}` : ` (none in ${config.ops.backupDir})`}`,
    );
    return 2;
  }
  const lock = lockDatabase(config.databasePath);
  if (!lock.ok) {
    const pid = lock.pid === undefined ? "" : ` (pid ${lock.pid})`;
    err(`rvx: RVX is running on ${config.databasePath}${pid}; stop it before restoring`);
    return 1;
  }
  try {
    restoreDatabase(file, config.databasePath);
  } catch (error) {
    const reason = error instanceof BackupError ? error.message : String(error);
    err(`rvx: restore failed: ${reason}`);
    return 1;
  } finally {
    lock.release();
  }
  // Opening migrates an older backup up to this build's schema.
  openDatabase(config.databasePath).close();
  out(
    `rvx: restored ${config.databasePath} from ${file}; the previous database is at ${config.databasePath}.before-restore`,
  );
  return 0;
}
