import { dirname } from "node:path";

/**
 * The database or its directory cannot be used as it is: not a database, read-only, or a
 * directory that cannot be created. Restarting will not fix it; someone must (see `hint`).
 */
export class StorageError extends Error {
  override readonly name = "StorageError";
  constructor(
    readonly path: string,
    readonly problem: string,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${problem}; ${hint}`, options);
  }
}

const NOT_A_DATABASE = new Set(["SQLITE_NOTADB", "SQLITE_CORRUPT"]);
const READ_ONLY = /^SQLITE_(?:CANTOPEN|READONLY|PERM|AUTH)|^(?:EACCES|EPERM|EROFS)$/;
const CANNOT_CREATE = new Set(["EACCES", "EPERM", "EROFS", "ENOTDIR", "ENOENT", "EEXIST"]);

/**
 * The {@link StorageError} that `error`, thrown while creating the directory of the database
 * at `path` or while opening it, means; `undefined` when it is something else (a defect, or a
 * full disk, which may clear by itself).
 */
export function storageFailure(
  error: unknown,
  path: string,
  during: "create-dir" | "open",
): StorageError | undefined {
  if (error instanceof StorageError) return error;
  const code = codeOf(error);
  const dir = dirname(path);
  const access = `give the user running RVX (uid ${uid()}) write access to ${dir}, or set DATABASE_PATH`;
  if (during === "create-dir") {
    if (!CANNOT_CREATE.has(code)) return undefined;
    const hint =
      code === "ENOTDIR" || code === "EEXIST"
        ? "a part of that path is a file, not a directory: move it or set DATABASE_PATH"
        : `create it with write access for the user running RVX (uid ${uid()}), or set DATABASE_PATH`;
    return new StorageError(dir, `the directory cannot be created (${code})`, hint, {
      cause: error,
    });
  }
  if (NOT_A_DATABASE.has(code)) {
    return new StorageError(
      path,
      "is not an SQLite database or is damaged",
      "restore a backup with `rvx restore FILE` (see BACKUP_DIR), or move the file away to start with an empty database",
      { cause: error },
    );
  }
  if (READ_ONLY.test(code)) {
    return new StorageError(
      path,
      `cannot be written (${code}: read-only or no permission)`,
      access,
      {
        cause: error,
      },
    );
  }
  return undefined;
}

function uid(): string {
  return String(process.getuid?.() ?? "?");
}

function codeOf(error: unknown): string {
  const code =
    typeof error === "object" && error !== null ? (error as { code?: unknown }).code : "";
  return typeof code === "string" ? code : "";
}
