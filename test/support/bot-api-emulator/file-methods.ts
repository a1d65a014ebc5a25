import type { ApiError, File, Message, PhotoSize } from "grammy/types";
import type { ReplyMarkup, SentMessage } from "./chat-store";
import { compact, int, type Payload, str, type UploadedFile } from "./request";
import { chatOf, type EmulatorState, type Method, type Outcome, ok } from "./state";
import { badRequest, checkReplyMarkup, checkText } from "./validate";

/** Telegram's limit on a media caption, in characters after entity parsing. */
const MAX_CAPTION_LENGTH = 1024;
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** A file users sent, kept so that getFile and the file download can serve it. */
export interface StoredFile {
  readonly file_id: string;
  readonly file_unique_id: string;
  readonly file_path: string;
  readonly bytes: Uint8Array;
}

/** One sendMessageDraft the bot made, in call order. */
export interface DraftRecord {
  readonly chat_id: number;
  readonly draft_id: number;
  readonly text: string;
  readonly parse_mode?: string;
}

/** The Bot API's getFile limit for bots on the public server. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

/** Files users sent, and the drafts the bot streamed. */
export function createFileStore() {
  const files = new Map<string, StoredFile>();
  const drafts: DraftRecord[] = [];
  let next = 1;

  /** Stores bytes as a file a user sent; returns what a message carries about it. */
  function upload(bytes: Uint8Array, extension = "jpg"): StoredFile {
    const n = next++;
    const file: StoredFile = {
      file_id: `AgACAgIAAxkBAAI${n.toString().padStart(6, "0")}`,
      file_unique_id: `AQAD${n.toString().padStart(4, "0")}`,
      file_path: `photos/file_${n}.${extension}`,
      bytes,
    };
    files.set(file.file_id, file);
    return file;
  }

  /** The stored file behind a file_id, if the emulator knows it. */
  const byId = (fileId: string) => files.get(fileId);

  /** Photo sizes for an image: a small thumbnail and the image itself as the largest size. */
  function photoSizes(bytes: Uint8Array, width = 1280, height = 720): PhotoSize[] {
    const thumb = upload(bytes.subarray(0, Math.min(bytes.length, 1024)));
    const full = upload(bytes);
    return [
      {
        file_id: thumb.file_id,
        file_unique_id: thumb.file_unique_id,
        width: 90,
        height: 51,
        file_size: thumb.bytes.length,
      },
      {
        file_id: full.file_id,
        file_unique_id: full.file_unique_id,
        width,
        height,
        file_size: full.bytes.length,
      },
    ];
  }

  return {
    files,
    drafts,
    upload,
    photoSizes,
    byId,
    byPath: (path: string) => [...files.values()].find((f) => f.file_path === path),
  };
}

export type FileStore = ReturnType<typeof createFileStore>;

/** getFile, sendMessageDraft (Bot API 9.3+) and sendPhoto. */
export function createFileMethods(state: EmulatorState, store: FileStore) {
  function getFile(payload: Payload): Outcome {
    const file = store.files.get(str(payload.file_id) ?? "");
    if (!file) return badRequest("invalid file_id");
    if (file.bytes.length > MAX_DOWNLOAD_BYTES) return badRequest("file is too big");
    const result: File = {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_size: file.bytes.length,
      file_path: file.file_path,
    };
    return ok(result);
  }

  function sendMessageDraft(payload: Payload): Outcome {
    const chat = chatOf(state.chats, payload);
    if ("ok" in chat) return chat;
    if (chat.type !== "private") return badRequest("draft can be sent only to private chats");
    const draftId = int(payload.draft_id);
    if (!draftId) return badRequest("draft_id must be non-zero");
    const text = str(payload.text) ?? "";
    if (text !== "") {
      const checked = checkText(text, payload.parse_mode, "text is too long");
      if (!checked.ok) return checked;
    }
    const parseMode = str(payload.parse_mode);
    store.drafts.push({
      chat_id: chat.id,
      draft_id: draftId,
      text,
      ...(parseMode ? { parse_mode: parseMode } : {}),
    });
    return ok(true);
  }

  /**
   * sendPhoto: a file uploaded in the multipart request (`photo=attach://<field>` or the file
   * as the `photo` field itself) or a known file_id. Uploads must be PNG or JPEG, as Telegram
   * fails to process other bytes; the message carries the photo sizes and the caption.
   */
  function sendPhoto(payload: Payload): Outcome {
    const chat = chatOf(state.chats, payload);
    if ("ok" in chat) return chat;
    const photo = photoOf(payload);
    if ("ok" in photo) return photo;
    let caption: string | undefined;
    if (payload.caption !== undefined && payload.caption !== "") {
      const checked = checkText(payload.caption, payload.parse_mode, "message caption is too long");
      if (!checked.ok) return checked;
      if ([...checked.visible].length > MAX_CAPTION_LENGTH) {
        return badRequest("message caption is too long");
      }
      caption = checked.visible;
    }
    const markup = checkReplyMarkup(payload.reply_markup);
    if (markup) return markup;
    const { width, height } = imageSize(photo.bytes);
    const message_id = state.chats.nextMessageId(chat.id);
    const date = Math.floor(state.now() / 1000);
    const sizes = store.photoSizes(photo.bytes, width, height);
    const sent = compact<SentMessage>({
      chat_id: chat.id,
      message_id,
      text: "",
      photo: { file_id: sizes.at(-1)?.file_id ?? photo.file_id, bytes: photo.bytes },
      caption: str(payload.caption),
      parse_mode: str(payload.parse_mode),
      reply_markup: payload.reply_markup as ReplyMarkup | undefined,
      date,
    });
    const message = compact<Message>({
      message_id,
      from: state.botUser,
      chat,
      date,
      photo: sizes,
      caption,
    });
    state.chats.put({ message, sent });
    return ok(message);
  }

  function photoOf(payload: Payload): { file_id: string; bytes: Uint8Array } | ApiError {
    const value = payload.photo;
    const attached =
      typeof value === "string" && value.startsWith("attach://")
        ? payload[value.slice("attach://".length)]
        : value;
    if (isUpload(attached)) {
      if (!startsWith(attached.bytes, PNG) && !startsWith(attached.bytes, JPEG)) {
        return badRequest("IMAGE_PROCESS_FAILED");
      }
      return { file_id: "", bytes: attached.bytes };
    }
    const known = typeof attached === "string" ? store.byId(attached) : undefined;
    if (known) return { file_id: known.file_id, bytes: known.bytes };
    if (attached === undefined || attached === "")
      return badRequest("there is no photo in the request");
    return badRequest("wrong file identifier/HTTP URL specified");
  }

  return { getFile, sendMessageDraft, sendPhoto } satisfies Record<string, Method>;
}

function isUpload(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && "bytes" in value;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((byte, i) => bytes[i] === byte);

/** A PNG's size from its IHDR chunk; other images get a nominal size. */
function imageSize(bytes: Uint8Array): { width: number; height: number } {
  if (!startsWith(bytes, PNG) || bytes.length < 24) return { width: 1280, height: 720 };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
