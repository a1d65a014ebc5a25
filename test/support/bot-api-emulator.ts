import type {
  ChatMember,
  Message,
  ResponseParameters,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";
import { botInfo } from "../../src/bot/bot-info";
import { type ApiCall, createCallLog, type WaitOptions } from "./bot-api-emulator/call-log";
import { createChatStore, type SentMessage } from "./bot-api-emulator/chat-store";
import {
  createFileMethods,
  createFileStore,
  type DraftRecord,
  type StoredFile,
} from "./bot-api-emulator/file-methods";
import {
  type CallContext,
  createMethods,
  type EmulatorState,
  type Method,
  type Outcome,
  type WebhookState,
} from "./bot-api-emulator/methods";
import { createReach, type InlineAnswer, type TestGroup } from "./bot-api-emulator/reach";
import { type Payload, PayloadError, readPayload } from "./bot-api-emulator/request";
import { createUpdateQueue } from "./bot-api-emulator/update-queue";
import {
  createSimulatedUsers,
  type MessageRef,
  type TestUser,
  type UpdateInput,
} from "./bot-api-emulator/users";
import { badRequest } from "./bot-api-emulator/validate";
import type { Delivery } from "./bot-api-emulator/webhook-delivery";
import { createWebhookDeliverer } from "./bot-api-emulator/webhook-delivery";

export {
  type ApiCall,
  WaitForTimeoutError,
  type WaitOptions,
} from "./bot-api-emulator/call-log";
export type { SentMessage } from "./bot-api-emulator/chat-store";
export type { DraftRecord, StoredFile } from "./bot-api-emulator/file-methods";
export type { Outcome, WebhookState } from "./bot-api-emulator/methods";
export type { InlineAnswer, TestGroup } from "./bot-api-emulator/reach";
export type { Payload } from "./bot-api-emulator/request";
export type { MessageRef, TestUser, UpdateInput } from "./bot-api-emulator/users";

/** An error the next call of a method answers with (see {@link BotApiEmulator.failNext}). */
export interface Fault {
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: ResponseParameters;
}

/** A loopback Telegram Bot API for end-to-end tests; see {@link startBotApiEmulator}. */
export interface BotApiEmulator extends AsyncDisposable {
  /** Pass as grammY's `client: { apiRoot }`. */
  readonly apiRoot: string;
  readonly token: string;
  /** What getMe answers. */
  readonly botInfo: UserFromGetMe;
  readonly calls: readonly ApiCall[];
  /** Queued updates the bot has not confirmed yet. */
  readonly pendingUpdates: readonly Update[];
  readonly webhook: WebhookState;
  /** Every attempt to push an update to the webhook, with the HTTP status (0: no connection). */
  readonly webhookDeliveries: readonly Delivery[];
  /** Queues a private text message from `user`; a leading /command gets its bot_command entity. */
  sendText(user: TestUser, text: string, extra?: Partial<Message>): Update;
  /** Queues a private message from `user` with any content (photo, document, caption…). */
  sendPrivate(user: TestUser, content: Partial<Message>): Update;
  /** Queues any other update (photos, forwarded posts, captions, channel posts). */
  sendUpdate(update: UpdateInput): Update;
  /** Queues `user`'s press of the inline button with `callbackData` on a bot message. */
  pressButton(user: TestUser, message: MessageRef, callbackData: string): Update;
  /** Queues a press with any `callbackData`, even one the message has no button for (forged). */
  forgeButtonPress(user: TestUser, message: MessageRef, callbackData: string): Update;
  /** Queues a message from `user` in `group` (a bot_command and @mention entities added). */
  sendGroupText(user: TestUser, group: TestGroup, text: string, extra?: Partial<Message>): Update;
  /** Sets what getChatMember answers for `userId` in `chatId` (default "member"). */
  setMemberStatus(chatId: number, userId: number, status: ChatMember["status"]): void;
  /** Queues my_chat_member: `by` moved the bot from status `from` to `to` in `group`. */
  changeBotMembership(
    by: TestUser,
    group: TestGroup,
    from: ChatMember["status"],
    to: ChatMember["status"],
  ): Update;
  /** Queues an inline query typed by `user`. */
  sendInlineQuery(user: TestUser, query: string): Update;
  /** Queues chosen_inline_result: `user` sent result `resultId` for `query`. */
  chooseInlineResult(user: TestUser, resultId: string, query: string): Update;
  /** The bot's answerInlineQuery for `queryId`, once it answered. */
  inlineAnswer(queryId: string): InlineAnswer | undefined;
  /** The bot's messages in a chat as they are now (edited text, current markup; deleted ones gone). */
  sent(chatId: number): SentMessage[];
  /** Every sendMessageDraft the bot made to `chatId`, in order. */
  drafts(chatId: number): DraftRecord[];
  /** Stores bytes as a file a user sent (for a document message); getFile and /file/ serve it. */
  uploadFile(bytes: Uint8Array, extension?: string): StoredFile;
  /** Queues a private photo message from `user` (a thumbnail and the full size), with a caption. */
  sendPhoto(user: TestUser, bytes: Uint8Array, caption?: string): Update;
  /** How many times the bot downloaded a file through /file/bot<token>/…. */
  readonly fileDownloads: number;
  /** Makes the next call of `method` fail with `fault`; repeated calls queue faults. */
  failNext(method: string, fault: Fault): void;
  /** Drops the faults still queued for `method` (the Bot API recovers). */
  clearFaults(method: string): void;
  /** The first recorded call matching `predicate`: an existing one, else the next one to arrive. */
  waitFor(predicate: (call: ApiCall) => boolean, options?: WaitOptions): Promise<ApiCall>;
  /** The first successful sendMessage/editMessageText to `chatId` with `index >= after`. */
  waitForReply(chatId: number, options?: WaitOptions): Promise<ApiCall>;
  /**
   * Ends waiting long polls with no updates, rejects waiters and stops the server. Stop bots
   * first: a bot still polling would retry against a closed port.
   */
  close(): Promise<void>;
}

export interface EmulatorOptions {
  readonly token?: string;
  /** Source of `date` fields and call times. */
  readonly now?: () => number;
}

const DEFAULT_TOKEN = "7000000001:AAEmulatedTokenForEndToEndTests_0001";

/** Starts the emulator on 127.0.0.1 with a free port. */
export async function startBotApiEmulator(options: EmulatorOptions = {}): Promise<BotApiEmulator> {
  const { token = DEFAULT_TOKEN, now = () => Date.now() } = options;
  const botUser: User = {
    id: Number(token.split(":")[0]) || 1,
    is_bot: true,
    first_name: "RVX Test",
    username: "rvx_test_bot",
  };
  const info: UserFromGetMe = botInfo({
    id: botUser.id,
    firstName: botUser.first_name,
    username: "rvx_test_bot",
  });
  const state: EmulatorState = {
    botUser,
    botInfo: info,
    now,
    updates: createUpdateQueue(),
    chats: createChatStore(),
    callbackQueries: new Map(),
    webhook: { url: "" },
  };
  const deliverer = createWebhookDeliverer(state);
  const fileStore = createFileStore();
  let fileDownloads = 0;
  const created: Record<string, Method> = {
    ...createMethods(state),
    ...createFileMethods(state, fileStore),
  };
  const setWebhook = created.setWebhook;
  if (!setWebhook) throw new Error("emulator defect: no setWebhook method");
  const methods = new Map<string, [name: string, run: Method]>(
    Object.entries({
      ...created,
      setWebhook: (payload: Payload, context: CallContext) => {
        const outcome = setWebhook(payload, context);
        deliverer.kick();
        return outcome;
      },
    }).map(([name, run]) => [name.toLowerCase(), [name, run as Method]]),
  );
  const faults = new Map<string, Fault[]>();
  const log = createCallLog();
  const users = createSimulatedUsers(state);
  const reach = createReach(state, users.sendUpdate);
  for (const [name, run] of Object.entries(reach.methods))
    methods.set(name.toLowerCase(), [name, run]);
  let closing: Promise<void> | undefined;

  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request, server) {
      const time = now();
      const download = /^\/file\/bot([^/]*)\/(.+)$/.exec(new URL(request.url).pathname);
      if (download) {
        const file = download[1] === token ? fileStore.byPath(download[2] ?? "") : undefined;
        if (!file) return new Response("Not Found", { status: 404 });
        fileDownloads++;
        return new Response(file.bytes, {
          headers: { "content-type": "application/octet-stream" },
        });
      }
      const route = /^\/bot([^/]*)\/([^/]+)$/.exec(new URL(request.url).pathname);
      if (!route) return respond({ ok: false, error_code: 404, description: "Not Found" });
      const [, requestToken, requested = ""] = route;
      const [method, run] = methods.get(requested.toLowerCase()) ?? [requested, undefined];
      let payload: Payload = {};
      let answer: Outcome | Promise<Outcome>;
      try {
        payload = await readPayload(request);
        const context = { signal: request.signal, keepOpen: () => server.timeout(request, 0) };
        answer = call(requestToken === token, method, run, payload, context);
      } catch (error) {
        if (!(error instanceof PayloadError)) throw error;
        answer = badRequest(error.message);
      }
      return respond(await log.record({ method, payload, time }, answer));
    },
  });

  function call(
    authorized: boolean,
    method: string,
    run: Method | undefined,
    payload: Payload,
    context: CallContext,
  ): Outcome | Promise<Outcome> {
    if (!authorized) return { ok: false, error_code: 401, description: "Unauthorized" };
    const fault = faults.get(method.toLowerCase())?.shift();
    if (fault) return { ok: false, ...fault };
    if (!run) return { ok: false, error_code: 404, description: "Not Found: method not found" };
    // An emulator bug answers 500 and is recorded, so it shows up in a failing wait's message.
    const defect = (error: unknown): Outcome => ({
      ok: false,
      error_code: 500,
      description: `Internal Server Error: emulator defect in ${method}: ${error}`,
    });
    try {
      const answer = run(payload, context);
      return answer instanceof Promise ? answer.catch(defect) : answer;
    } catch (error) {
      return defect(error);
    }
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      state.updates.close();
      deliverer.close();
      log.close();
      await server.stop();
    })();
    return closing;
  }

  return {
    apiRoot: `http://127.0.0.1:${server.port}`,
    token,
    botInfo: info,
    calls: log.calls,
    get pendingUpdates() {
      return state.updates.pending;
    },
    get webhook() {
      return state.webhook;
    },
    webhookDeliveries: deliverer.deliveries,
    ...users,
    ...reach.client,
    sent: (chatId) => state.chats.sent(chatId),
    drafts: (chatId) => fileStore.drafts.filter((d) => d.chat_id === chatId),
    uploadFile: (bytes, extension) => fileStore.upload(bytes, extension),
    sendPhoto(user, bytes, caption) {
      return users.sendPrivate(user, {
        photo: fileStore.photoSizes(bytes),
        ...(caption ? { caption } : {}),
      });
    },
    get fileDownloads() {
      return fileDownloads;
    },
    failNext(method, fault) {
      const key = method.toLowerCase();
      faults.set(key, [...(faults.get(key) ?? []), fault]);
    },
    clearFaults(method) {
      faults.delete(method.toLowerCase());
    },
    waitFor: log.waitFor,
    waitForReply(chatId, options) {
      const isReply = (call: ApiCall) =>
        (call.method === "sendMessage" || call.method === "editMessageText") &&
        call.response?.ok === true &&
        (call.response.result as Partial<Message>).chat?.id === chatId;
      return log.waitFor(isReply, options);
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** POSTs `update` to a bot's webhook as Telegram does, with the secret token header if given. */
export function postWebhookUpdate(
  url: string,
  update: Update,
  secretToken?: string,
): Promise<Response> {
  const headers = new Headers({ "content-type": "application/json" });
  if (secretToken !== undefined) headers.set("X-Telegram-Bot-Api-Secret-Token", secretToken);
  return fetch(url, { method: "POST", headers, body: JSON.stringify(update) });
}

function respond(response: Outcome): Response {
  return Response.json(response, { status: response.ok ? 200 : response.error_code });
}
