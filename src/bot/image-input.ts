import type { Message } from "grammy/types";
import { isImageMimeType } from "../analyzers/image";
import type { ImageInput, ImageMimeType } from "../analyzers/provider";
import type { Clock } from "../clock";
import type { BotContext } from "./context";

/** The largest image read: Telegram photos are far smaller; screenshots as files may not be. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** A download that takes longer than this is given up (the file server is local or Telegram). */
const DOWNLOAD_TIMEOUT_MS = 20_000;

/** An image in a message, before it is downloaded. */
export interface ImageRef {
  readonly fileId: string;
  readonly mimeType: ImageMimeType;
  /** Undefined when Telegram does not say. */
  readonly size: number | undefined;
}

export type ImagePick =
  | { readonly kind: "image"; readonly ref: ImageRef }
  | { readonly kind: "too_large" }
  /** Not a picture RVX reads (a PDF, a GIF, a video). */
  | { readonly kind: "none" };

/**
 * The picture a message carries: the largest photo size up to `maxBytes`, or a JPEG, PNG or
 * WebP sent as a file (a screenshot sent uncompressed).
 */
export function pickImage(message: Message, maxBytes = MAX_IMAGE_BYTES): ImagePick {
  if (message.photo?.length) {
    const fitting = message.photo.filter((p) => (p.file_size ?? 0) <= maxBytes);
    const largest = fitting.reduce<(typeof fitting)[number] | undefined>(
      (best, p) => (!best || p.width * p.height > best.width * best.height ? p : best),
      undefined,
    );
    if (!largest) return { kind: "too_large" };
    return {
      kind: "image",
      ref: { fileId: largest.file_id, mimeType: "image/jpeg", size: largest.file_size },
    };
  }
  const doc = message.document;
  if (!doc?.mime_type || !isImageMimeType(doc.mime_type)) return { kind: "none" };
  if ((doc.file_size ?? 0) > maxBytes) return { kind: "too_large" };
  return {
    kind: "image",
    ref: { fileId: doc.file_id, mimeType: doc.mime_type, size: doc.file_size },
  };
}

export interface ImageDownloadDeps {
  readonly clock: Clock;
  /** The download URL of a `file_path` from getFile (the Bot API server's /file/bot<token>/). */
  readonly fileUrl: (filePath: string) => string;
  readonly maxBytes?: number;
}

/**
 * Downloads an image through getFile and the Bot API file path, reading at most `maxBytes`
 * (a larger body is refused as `too_large` without reading the rest). `failed` covers a
 * network error, a non-200 answer and the download timeout on the injected clock.
 */
export async function downloadImage(
  ctx: BotContext,
  ref: ImageRef,
  deps: ImageDownloadDeps,
): Promise<{ ok: true; image: ImageInput } | { ok: false; reason: "too_large" | "failed" }> {
  const maxBytes = deps.maxBytes ?? MAX_IMAGE_BYTES;
  const controller = new AbortController();
  const cancel = deps.clock.setTimeout(() => controller.abort(), DOWNLOAD_TIMEOUT_MS);
  try {
    const file = await ctx.api.getFile(ref.fileId);
    if (!file.file_path) return { ok: false, reason: "failed" };
    if ((file.file_size ?? 0) > maxBytes) return { ok: false, reason: "too_large" };
    const response = await fetch(deps.fileUrl(file.file_path), { signal: controller.signal });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return { ok: false, reason: "failed" };
    }
    const bytes = await readAtMost(response.body, maxBytes);
    if (!bytes) return { ok: false, reason: "too_large" };
    return { ok: true, image: { bytes, mimeType: ref.mimeType } };
  } catch (error) {
    ctx.log.warn({ err: error }, "could not download an image");
    return { ok: false, reason: "failed" };
  } finally {
    cancel();
  }
}

async function readAtMost(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}
