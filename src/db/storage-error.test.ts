import { describe, expect, it } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../../test/support/process";
import { openDatabase } from "./open";
import { StorageError } from "./storage-error";

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
};

describe("openDatabase", () => {
  it("says a file that is not a database is one, and how to restore", () => {
    using dir = tempDir();
    const path = join(dir.path, "rvx.db");
    writeFileSync(path, "this is not an SQLite file, just text that is long enough");

    const error = failure(() => openDatabase(path));

    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toBe(
      `${path}: is not an SQLite database or is damaged; restore a backup with \`rvx restore FILE\` (see BACKUP_DIR), or move the file away to start with an empty database`,
    );
  });

  it("names the directory that cannot be created", () => {
    using dir = tempDir();
    writeFileSync(join(dir.path, "file"), "");

    const error = failure(() => openDatabase(join(dir.path, "file", "data", "rvx.db")));

    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).path).toBe(join(dir.path, "file", "data"));
    expect((error as StorageError).problem).toBe("the directory cannot be created (ENOTDIR)");
  });
});
