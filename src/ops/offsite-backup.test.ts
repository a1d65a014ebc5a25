import { describe, expect, it } from "bun:test";
import { join } from "node:path";
import { tempDir } from "../../test/support/process";
import { S3RVER_KEYS, startS3Server } from "../../test/support/s3-server";
import { openDatabase } from "../db/open";
import { backupDatabase, checkIntegrity } from "./backup";
import { copyOffsite, createOffsiteBackups, parseS3Url } from "./offsite-backup";

describe("off-site backups", () => {
  it("upload each backup under the prefix and keep only the newest there", async () => {
    using dir = tempDir();
    await using s3 = await startS3Server(["rvx-backups"]);
    const offsite = createOffsiteBackups({
      bucket: "rvx-backups",
      prefix: "bot/",
      ...S3RVER_KEYS,
      endpoint: s3.endpoint,
    });
    // Someone else's object under the prefix is never listed or pruned.
    await s3.client("rvx-backups").write("bot/notes.txt", "keep me");
    const db = openDatabase(join(dir.path, "rvx.db"));
    const urls = [];
    for (let day = 1; day <= 4; day++) {
      const { path } = backupDatabase(db, dir.path, new Date(Date.UTC(2026, 0, day, 3)));
      urls.push((await copyOffsite(offsite, path, 2)).url);
    }
    db.close();

    expect(urls[0]).toBe("s3://rvx-backups/bot/rvx-20260101T030000Z.db");
    expect(await offsite.list()).toEqual([
      "s3://rvx-backups/bot/rvx-20260104T030000Z.db",
      "s3://rvx-backups/bot/rvx-20260103T030000Z.db",
    ]);
    expect(await s3.client("rvx-backups").file("bot/notes.txt").text()).toBe("keep me");

    const copy = join(dir.path, "downloaded.db");
    await offsite.download("s3://rvx-backups/bot/rvx-20260104T030000Z.db", copy);
    expect(checkIntegrity(copy)).toBe(true);
  });

  it("fail an upload the store refuses (unknown key, no such bucket)", async () => {
    using dir = tempDir();
    await using s3 = await startS3Server(["rvx-backups"]);
    const store = (bucket: string, accessKeyId: string) =>
      createOffsiteBackups({
        bucket,
        prefix: "",
        accessKeyId,
        secretAccessKey: S3RVER_KEYS.secretAccessKey,
        endpoint: s3.endpoint,
      });
    const db = openDatabase(join(dir.path, "rvx.db"));
    const { path } = backupDatabase(db, dir.path, new Date(Date.UTC(2026, 0, 1)));
    db.close();

    await expect(store("rvx-backups", "NOT-A-KEY").upload(path)).rejects.toThrow(
      "Access Key Id you provided does not exist",
    );
    await expect(store("no-such-bucket", S3RVER_KEYS.accessKeyId).upload(path)).rejects.toThrow(
      "bucket does not exist",
    );
  });

  it("parse s3:// URLs", () => {
    expect(parseS3Url("s3://b/p/rvx.db")).toEqual({ bucket: "b", key: "p/rvx.db" });
    expect(parseS3Url("s3://b")).toBeUndefined();
    expect(parseS3Url("/tmp/rvx.db")).toBeUndefined();
  });
});
