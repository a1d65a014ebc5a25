import { basename } from "node:path";
import type { S3BackupConfig } from "../config";
import { isBackupName } from "./backup";

/** Off-site copies of the backups in an S3-compatible bucket (Bun's built-in S3 client). */
export interface OffsiteBackups {
  /** Where backups go: `s3://bucket/prefix`. */
  readonly url: string;
  /** Uploads a verified local backup under its own name; returns its `s3://` URL. */
  upload(path: string): Promise<string>;
  /** The backups in the bucket under the prefix, newest first, as `s3://` URLs. */
  list(): Promise<string[]>;
  /** Deletes all but the newest `keep`; returns the deleted URLs. */
  prune(keep: number): Promise<string[]>;
  /** Downloads the object at an `s3://bucket/key` URL to `path`. */
  download(url: string, path: string): Promise<void>;
}

/** Splits `s3://bucket/key` into its bucket and key; undefined for anything else. */
export function parseS3Url(url: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  return match?.[1] && match[2] ? { bucket: match[1], key: match[2] } : undefined;
}

/** Backups kept in `config`'s bucket under its prefix. */
export function createOffsiteBackups(config: S3BackupConfig): OffsiteBackups {
  const client = new Bun.S3Client({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    bucket: config.bucket,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.region ? { region: config.region } : {}),
  });
  const urlOf = (key: string) => `s3://${config.bucket}/${key}`;

  async function keys(): Promise<string[]> {
    const found: string[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await client.list({
        prefix: config.prefix,
        ...(continuationToken ? { continuationToken } : {}),
      });
      for (const object of page.contents ?? []) {
        // Only backups directly under the prefix, named as RVX names them.
        const name = object.key.slice(config.prefix.length);
        if (!name.includes("/") && isBackupName(name)) found.push(object.key);
      }
      continuationToken = page.isTruncated ? page.nextContinuationToken : undefined;
    } while (continuationToken);
    // Names sort by time.
    return found.sort().reverse();
  }

  return {
    url: urlOf(config.prefix),
    async upload(path) {
      const key = `${config.prefix}${basename(path)}`;
      await client.write(key, Bun.file(path), { type: "application/vnd.sqlite3" });
      return urlOf(key);
    },
    list: async () => (await keys()).map(urlOf),
    async prune(keep) {
      const doomed = (await keys()).slice(keep);
      for (const key of doomed) await client.delete(key);
      return doomed.map(urlOf);
    },
    async download(url, path) {
      const where = parseS3Url(url);
      if (!where) throw new Error(`not an s3://bucket/key URL: ${url}`);
      await Bun.write(path, client.file(where.key, { bucket: where.bucket }));
    },
  };
}

/** Uploads a verified backup, then prunes the bucket to the newest `keep`. */
export async function copyOffsite(
  offsite: OffsiteBackups,
  path: string,
  keep: number,
): Promise<{ url: string; pruned: string[] }> {
  const url = await offsite.upload(path);
  return { url, pruned: await offsite.prune(keep) };
}
