/** A user's rows could not be read: the database may be damaged. */
export class UserLoadError extends Error {
  override readonly name = "UserLoadError";
  constructor(
    readonly userId: number,
    options: { cause: unknown },
  ) {
    super(
      `cannot load user ${userId} from SQLite; check the database with "PRAGMA integrity_check" and, if it fails, restore a backup (rvx backup, rvx restore FILE)`,
      options,
    );
  }
}
