import { Database } from "bun:sqlite";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { join } from "node:path";

/** Backup files are named so that their names sort by time. */
const BACKUP_NAME = /^rvx-(\d{8}T\d{6}Z)\.db$/;

/** Whether a file name is one RVX gives its backups. */
export const isBackupName = (name: string) => BACKUP_NAME.test(name);

export class BackupError extends Error {
  override readonly name = "BackupError";
  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(`${message}: ${path}`, options);
  }
}

export interface BackupResult {
  readonly path: string;
  readonly bytes: number;
}

/** Whether a database file passes SQLite's integrity check. */
export function checkIntegrity(path: string): boolean {
  let db: Database | undefined;
  try {
    db = new Database(path, { readonly: true });
    const row = db.query("PRAGMA integrity_check").get() as { integrity_check: string } | null;
    return row?.integrity_check === "ok";
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Writes a consistent copy of the live database into `dir` with `VACUUM INTO` (safe while the
 * bot runs: it reads one snapshot), checks its integrity, then gives it its final name, so a
 * file with a backup name is always a whole, verified backup.
 */
export function backupDatabase(db: Database, dir: string, now: Date): BackupResult {
  mkdirSync(dir, { recursive: true });
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const path = join(dir, `rvx-${stamp}.db`);
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  db.run("VACUUM INTO ?", [partial]);
  if (!checkIntegrity(partial)) {
    rmSync(partial, { force: true });
    throw new BackupError("backup failed its integrity check", partial);
  }
  renameSync(partial, path);
  return { path, bytes: statSync(path).size };
}

/** Deletes all but the newest `keep` backups in `dir`; returns the deleted paths. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!existsSync(dir)) return [];
  const backups = readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse();
  const doomed = backups.slice(keep).map((name) => join(dir, name));
  for (const path of doomed) rmSync(path, { force: true });
  return doomed;
}

/** The backups in `dir`, newest first. */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse()
    .map((name) => join(dir, name));
}

/**
 * Replaces the database at `databasePath` with `file`. The instance must be stopped (see
 * {@link isLocked}); the old database is kept beside it as `<name>.before-restore`.
 */
export function restoreDatabase(file: string, databasePath: string): void {
  if (!existsSync(file)) throw new BackupError("no such backup", file);
  if (!checkIntegrity(file)) throw new BackupError("backup failed its integrity check", file);
  const incoming = `${databasePath}.restoring`;
  copyFileSync(file, incoming);
  if (existsSync(databasePath)) {
    // Fold the WAL into the old file so the kept copy is whole, then set it aside.
    const old = new Database(databasePath);
    old.run("PRAGMA wal_checkpoint(TRUNCATE)");
    old.close();
    renameSync(databasePath, `${databasePath}.before-restore`);
  }
  rmSync(`${databasePath}-wal`, { force: true });
  rmSync(`${databasePath}-shm`, { force: true });
  renameSync(incoming, databasePath);
}
