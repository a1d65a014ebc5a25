import type { Message } from "grammy/types";
import type { MessageInput } from "../../actors/user";
import type { Clock } from "../../clock";
import { classifyIntent } from "../../news/intent";
import { findMessageLink } from "../../news/links/find-link";
import type { LinkReader } from "../../news/links/read-link";
import type { BotContext } from "../context";
import { downloadImage, MAX_IMAGE_BYTES, pickImage } from "../image-input";
import { typingWhileSlow } from "../typing";

/** What the explain feature needs to read links and pictures. */
export interface MediaDeps {
  /** Reads a link's page (or only its address when LINK_FETCH is off); see createLinkReader. */
  readonly readLink: LinkReader;
  /** Whether some AI provider reads images; without one pictures are not even downloaded. */
  readonly vision: boolean;
  /** The download URL of a getFile `file_path`; absent where there is no Bot API (console). */
  readonly fileUrl?: (filePath: string) => string;
}

/** What a message adds to its text for the user actor. */
export type MessageExtra = Pick<MessageInput, "link" | "image">;

/**
 * The link a message is mainly about, read here in the bot layer, before the user actor is
 * asked: the fetch (up to LINK_FETCH_TIMEOUT_MS) needs nothing of the user's state, so it never
 * holds the actor's mailbox (admin commands, reminders and group messages for that user go on).
 * A post that reads as a scam is not fetched: it gets RVX's warning instead.
 */
export async function linkExtra(
  ctx: BotContext,
  text: string,
  clock: Clock,
  media: MediaDeps | undefined,
  message?: Message,
): Promise<MessageExtra> {
  if (!media) return {};
  const forwarded = message?.forward_origin !== undefined;
  const found = findMessageLink(text, message?.entities ?? [], forwarded);
  if (!found || classifyIntent(text).intent === "scam") return {};
  const link = await typingWhileSlow(ctx, clock, () => media.readLink(found.url));
  return { link };
}

/**
 * The picture of a photo or image-file message, downloaded when a provider can read it.
 * Undefined when this already answered (too large; no way to read it and no caption);
 * `{}` when the caption alone is to be explained, or the message carries no picture.
 */
export async function imageExtra(
  ctx: BotContext & { message: Message },
  clock: Clock,
  media: MediaDeps | undefined,
): Promise<MessageExtra | undefined> {
  const caption = ctx.message.caption?.trim() ?? "";
  const pick = pickImage(ctx.message);
  if (pick.kind === "none") return {};
  if (pick.kind === "too_large") return tooLarge(ctx);
  if (!media?.vision || !media.fileUrl) {
    if (caption) return {};
    await ctx.reply(ctx.t("image.needs_text"));
    return undefined;
  }
  const { fileUrl } = media;
  const download = await typingWhileSlow(ctx, clock, () =>
    downloadImage(ctx, pick.ref, { clock, fileUrl }),
  );
  if (download.ok) return { image: download.image };
  if (download.reason === "too_large") return tooLarge(ctx);
  if (caption) return {};
  await ctx.reply(ctx.t("image.unread"));
  return undefined;
}

async function tooLarge(ctx: BotContext): Promise<undefined> {
  await ctx.reply(ctx.t("image.too_large", { mb: MAX_IMAGE_BYTES / 1024 / 1024 }));
  return undefined;
}
