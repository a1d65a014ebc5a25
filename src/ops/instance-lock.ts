import { Database } from "bun:sqlite";
import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ensureDatabaseDir } from "../db/open";
import { storageFailure } from "../db/storage-error";

/** This process holds the database, or another one does (its pid, when it wrote one). */
export type InstanceLock =
  | { readonly ok: true; readonly release: () => void }
  | { readonly ok: false; readonly pid?: number };

/**
 * The path every name of the database resolves to: the file's real path, or for a database
 * not created yet, its directory's real path and its name. Two symlinks to one file agree.
 */
export function canonicalDatabasePath(databasePath: string): string {
  if (existsSync(databasePath)) return realpathSync(databasePath);
  return join(realpathSync(dirname(databasePath)), basename(databasePath));
}

/**
 * Takes the one-instance lock of a database: an exclusive SQLite lock (a POSIX lock the kernel
 * drops when the process dies, even by kill -9) held on `<canonical path>.lock` until
 * `release`. A pid in `<canonical path>.pid` only says who holds it, so a stale or reused pid
 * never blocks a start.
 */
export function lockDatabase(databasePath: string): InstanceLock {
  ensureDatabaseDir(databasePath);
  const canonical = canonicalDatabasePath(databasePath);
  const pidPath = `${canonical}.pid`;
  let db: Database | undefined;
  try {
    db = new Database(`${canonical}.lock`, { create: true });
    db.run("PRAGMA locking_mode = EXCLUSIVE");
    db.run("BEGIN EXCLUSIVE");
  } catch (error) {
    db?.close();
    if (codeOf(error) === "SQLITE_BUSY") return { ok: false, ...pidIn(pidPath) };
    throw storageFailure(error, databasePath, "open") ?? error;
  }
  // In exclusive locking mode the lock taken by this write stays until the connection closes.
  db.run("CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL)");
  db.run("DELETE FROM holder");
  db.run("INSERT INTO holder (pid) VALUES (?)", [process.pid]);
  db.run("COMMIT");
  writeFileSync(pidPath, `${process.pid}\n`);
  const held = db;
  return {
    ok: true,
    release: () => {
      rmSync(pidPath, { force: true });
      held.close();
    },
  };
}

function pidIn(path: string): { pid?: number } {
  try {
    const pid = Number(readFileSync(path, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? { pid } : {};
  } catch {
    return {};
  }
}

function codeOf(error: unknown): string {
  const code =
    typeof error === "object" && error !== null ? (error as { code?: unknown }).code : "";
  return typeof code === "string" ? code : "";
}
