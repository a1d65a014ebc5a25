import type { File, PhotoSize } from "grammy/types";
import { int, type Payload, str } from "./request";
import { chatOf, type EmulatorState, type Method, type Outcome, ok } from "./state";
import { badRequest, checkText } from "./validate";

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
    byPath: (path: string) => [...files.values()].find((f) => f.file_path === path),
  };
}

export type FileStore = ReturnType<typeof createFileStore>;

/** getFile and sendMessageDraft (Bot API 9.3+). */
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

  return { getFile, sendMessageDraft } satisfies Record<string, Method>;
}
