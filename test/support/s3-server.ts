import S3rver from "s3rver";
import { tempDir } from "./process";

/** The credentials s3rver checks request signatures against. */
export const S3RVER_KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

/**
 * An S3-compatible server (npm s3rver) on 127.0.0.1 with a free port and the given buckets,
 * storing objects in a temporary directory removed on dispose.
 */
export async function startS3Server(buckets: readonly string[]) {
  const dir = tempDir("rvx-s3-");
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: dir.path,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    /** A client on `bucket`, to look at what RVX stored. */
    client: (bucket: string) => new Bun.S3Client({ ...S3RVER_KEYS, endpoint, bucket }),
    async [Symbol.asyncDispose]() {
      await server.close();
      dir[Symbol.dispose]();
    },
  };
}
