import { Database } from "bun:sqlite";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { migrate } from "./migrations";
import { storageFailure } from "./storage-error";

/**
 * Opens (creating if needed) and migrates the database with RVX's pragmas. A file that is not a
 * database, a read-only directory or one that cannot be created throws a StorageError that says
 * what to do.
 */
export function openDatabase(path: string): Database {
  if (path !== ":memory:") ensureDatabaseDir(path);
  let db: Database | undefined;
  try {
    db = new Database(path, { create: true, strict: true });
    db.run("PRAGMA journal_mode = WAL");
    db.run("PRAGMA synchronous = NORMAL");
    db.run("PRAGMA busy_timeout = 5000");
    db.run("PRAGMA foreign_keys = ON");
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw storageFailure(error, path, "open") ?? error;
  }
}

/** Creates the database's directory; a StorageError says why it cannot be. */
export function ensureDatabaseDir(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw storageFailure(error, path, "create-dir") ?? error;
  }
}
