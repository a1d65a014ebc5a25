import { existsSync, rmSync } from "node:fs";
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
import { copyOffsite, createOffsiteBackups } from "../ops/offsite-backup";

type Out = (line: string) => void;

/** `rvx migrate`: applies pending migrations and exits. */
export function migrateCommand(config: Config, out: Out): number {
  openDatabase(config.databasePath).close();
  out(`rvx: database at ${config.databasePath} is up to date`);
  return 0;
}

/**
 * `rvx backup`: a consistent, integrity-checked copy now (safe while the bot runs), uploaded
 * to BACKUP_S3_URL too when that is set.
 */
export async function backupCommand(config: Config, out: Out, err: Out): Promise<number> {
  if (!existsSync(config.databasePath)) {
    err(`rvx: no database at ${config.databasePath} (DATABASE_PATH)`);
    return 1;
  }
  const { backupDir, backupKeep, backupS3 } = config.ops;
  const db = openDatabase(config.databasePath);
  let path: string;
  try {
    const written = backupDatabase(db, backupDir, new Date());
    path = written.path;
    const pruned = pruneBackups(backupDir, backupKeep);
    out(
      `rvx: backup written to ${path} (${written.bytes} bytes); ${pruned.length} old backup(s) pruned`,
    );
  } catch (error) {
    err(`rvx: backup failed: ${messageOf(error)}`);
    return 1;
  } finally {
    db.close();
  }
  if (!backupS3) return 0;
  const offsite = createOffsiteBackups(backupS3);
  try {
    const { url, pruned } = await copyOffsite(offsite, path, backupKeep);
    out(`rvx: backup uploaded to ${url}; ${pruned.length} old off-site backup(s) pruned`);
    return 0;
  } catch (error) {
    err(
      `rvx: backup written to ${path} but the upload to ${offsite.url} failed: ${messageOf(error)}`,
    );
    return 1;
  }
}

/**
 * `rvx restore FILE|s3://bucket/key`: replaces the database with a backup; refuses while RVX
 * runs on it.
 */
export async function restoreCommand(
  config: Config,
  file: string | undefined,
  out: Out,
  err: Out,
): Promise<number> {
  if (!file) {
    const latest = listBackups(config.ops.backupDir)[0];
    err(
      `rvx: restore needs a backup file${latest ? `, e.g. rvx restore ${latest}` : ` (none in ${config.ops.backupDir})`}`,
    );
    return 2;
  }
  const remote = file.startsWith("s3://");
  if (remote && !config.ops.backupS3) {
    err("rvx: restoring from s3:// needs BACKUP_S3_URL and its keys (see README, Configuration)");
    return 2;
  }
  const lock = lockDatabase(config.databasePath);
  if (!lock.ok) {
    const pid = lock.pid === undefined ? "" : ` (pid ${lock.pid})`;
    err(`rvx: RVX is running on ${config.databasePath}${pid}; stop it before restoring`);
    return 1;
  }
  const local = remote ? `${config.databasePath}.download` : file;
  try {
    if (remote && config.ops.backupS3) {
      await createOffsiteBackups(config.ops.backupS3).download(file, local);
    }
    restoreDatabase(local, config.databasePath);
  } catch (error) {
    const reason = error instanceof BackupError ? error.message : messageOf(error);
    err(`rvx: restore failed: ${reason}`);
    return 1;
  } finally {
    if (remote) rmSync(local, { force: true });
    lock.release();
  }
  // Opening migrates an older backup up to this build's schema.
  openDatabase(config.databasePath).close();
  out(
    `rvx: restored ${config.databasePath} from ${file}; the previous database is at ${config.databasePath}.before-restore`,
  );
  return 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
