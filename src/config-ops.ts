import type { Reader } from "./config-parse";
import { ConfigError } from "./errors";

/** The metrics/health endpoint and backups. */
export interface OpsConfig {
  readonly metricsHost: string;
  /** 0 turns the endpoint off. */
  readonly metricsPort: number;
  readonly metricsToken?: string;
  readonly backupDir: string;
  readonly backupKeep: number;
  readonly backupHourUtc: number;
  /** Off-site copies of every backup (BACKUP_S3_URL), when configured. */
  readonly backupS3?: S3BackupConfig;
}

/** An S3-compatible bucket (and key prefix) that receives a copy of every backup. */
export interface S3BackupConfig {
  readonly bucket: string;
  /** Key prefix, empty or ending in "/". */
  readonly prefix: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** For stores other than AWS (MinIO, R2, B2...); unset means AWS S3. */
  readonly endpoint?: string;
  readonly region?: string;
}

/** The metrics endpoint (METRICS_*) and backups (BACKUP_*). */
export function parseOps(read: Reader): OpsConfig {
  const metricsToken = read.string("METRICS_TOKEN");
  if (metricsToken !== undefined && metricsToken.length < 16) {
    throw new ConfigError("METRICS_TOKEN", "is too short (at least 16 characters)");
  }
  return {
    metricsHost: read.string("METRICS_HOST") ?? "127.0.0.1",
    metricsPort: read.int("METRICS_PORT", 9464, 0, 65_535),
    ...(metricsToken === undefined ? {} : { metricsToken }),
    backupDir: read.string("BACKUP_DIR") ?? "data/backups",
    backupKeep: read.int("BACKUP_KEEP", 7, 1, 1000),
    backupHourUtc: read.int("BACKUP_HOUR_UTC", 3, 0, 23),
    ...parseBackupS3(read),
  };
}

function parseBackupS3(read: Reader): { backupS3?: S3BackupConfig } {
  const url = read.string("BACKUP_S3_URL");
  if (url === undefined) return {};
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!match?.[1]) throw new ConfigError("BACKUP_S3_URL", `"${url}" is not s3://bucket[/prefix]`);
  const needed = (name: string) => {
    const value = read.string(name);
    if (value === undefined) throw new ConfigError(name, "is required when BACKUP_S3_URL is set");
    return value;
  };
  const prefix = (match[2] ?? "").replace(/^\/+|\/+$/g, "");
  const endpoint = read.string("BACKUP_S3_ENDPOINT");
  const region = read.string("BACKUP_S3_REGION");
  return {
    backupS3: {
      bucket: match[1],
      prefix: prefix === "" ? "" : `${prefix}/`,
      accessKeyId: needed("BACKUP_S3_ACCESS_KEY_ID"),
      secretAccessKey: needed("BACKUP_S3_SECRET_ACCESS_KEY"),
      ...(endpoint === undefined ? {} : { endpoint: read.url("BACKUP_S3_ENDPOINT", endpoint) }),
      ...(region === undefined ? {} : { region }),
    },
  };
}
