/**
 * The user actor's protocol: `UserMsg` and the replies it carries. The actor that interprets it is
 * src/actors/user.ts (which re-exports all of this, so callers import from there).
 */
import type { Ref } from "nact";
import type { Lang } from "../i18n/lang";
import type { Ack, DoneReply, PendingReply, Session, TelegramProfile } from "../learning/account";
import type { LearnAction } from "../learning/learn-action";
import type { LeaderboardReply, LearnReply, QuestsReply } from "../learning/learn-decide";
import type { Unavailable } from "../learning/learner";
import type { WeeklyProgress } from "../learning/progress-chart-svg";
import type { ReminderChange, RemindersReply } from "../learning/reminder-settings";
import type { AskReply, MessageReply, ThreadSeed } from "../news/conversation/reply";
import type { MessageInput } from "../news/conversation/route";
import type { ExplainReply, ProfileReply } from "../news/explain-rules";
import type { InlinePreviewReply } from "./user-inline";
import type { CheckAnswerReply, CheckReply } from "./user-teach";

export type { Ack, DoneReply, PendingReply, Session, TelegramProfile } from "../learning/account";
export type {
  LeaderboardReply,
  LearnReply,
  LearnView,
  QuestsReply,
} from "../learning/learn-decide";
export type { Unavailable } from "../learning/learner";
export type {
  ReminderChange,
  ReminderSetting,
  RemindersReply,
} from "../learning/reminder-settings";
export type { Reward } from "../learning/reward";
export type { AskReply, MessageReply, ThreadSeed } from "../news/conversation/reply";
export type { MessageInput } from "../news/conversation/route";
export type { ExplainReply, ProfileReply } from "../news/explain-rules";
export type { InlinePreviewReply } from "./user-inline";
export { UserLoadError } from "./user-load-error";
export type { CheckAnswerReply, CheckReply, LearnReplyWithBonus } from "./user-teach";

/**
 * The Telegram update a request comes from. A request that carries one applies its effects at
 * most once: the marker and the reply are committed with them, and a replay gets that reply.
 * The marker is keyed by update and request type: an update asks each type at most once.
 */
export interface FromUpdate {
  readonly updateId?: number;
}

/** The last seven UTC days of XP and the level, for /profile and /progress. */
export type ProgressReply =
  | { readonly ok: true; readonly week: WeeklyProgress; readonly lang: Lang }
  | Unavailable;

/** The user actor's protocol. Every request carries its `replyTo`. */
export type UserMsg = FromUpdate &
  (
    | { readonly type: "hello"; readonly profile: TelegramProfile; readonly replyTo: Ref<Session> }
    /** Explains `text` as news whatever it is (no intent, no thread); the bot sends `message`. */
    | { readonly type: "explain"; readonly text: string; readonly replyTo: Ref<ExplainReply> }
    /** A text message: answered by its intent, or as a follow-up in the thread it continues. */
    | {
        readonly type: "message";
        readonly input: MessageInput;
        readonly replyTo: Ref<MessageReply>;
      }
    /** "❓ Ask about this" under RVX's message `messageId`: the next message asks in its thread. */
    | {
        readonly type: "askAbout";
        readonly chatId: number;
        readonly messageId: number;
        readonly replyTo: Ref<AskReply>;
      }
    /** RVX's answer went out as `messageId`: store what a follow-up to it needs. */
    | {
        readonly type: "delivered";
        readonly chatId: number;
        readonly messageId: number;
        readonly seed: ThreadSeed;
        readonly replyTo: Ref<Ack>;
      }
    /** "🧠 Check yourself" under RVX's explanation `messageId`. */
    | {
        readonly type: "check";
        readonly chatId: number;
        readonly messageId: number;
        readonly replyTo: Ref<CheckReply>;
      }
    /** An answer to that question: `ref` names it, `shown` is the option's place on screen. */
    | {
        readonly type: "checkAnswer";
        readonly chatId: number;
        readonly messageId: number;
        readonly ref: string;
        readonly shown: number;
        readonly replyTo: Ref<CheckAnswerReply>;
      }
    /** An inline query: the explanation to show, spending nothing (within `deadlineMs`). */
    | {
        readonly type: "inlinePreview";
        readonly text: string;
        readonly deadlineMs: number;
        readonly replyTo: Ref<InlinePreviewReply>;
      }
    /** The user sent an inline result: its news counts as explained (quota and XP). */
    | { readonly type: "inlineChosen"; readonly text: string; readonly replyTo: Ref<MessageReply> }
    | { readonly type: "profile"; readonly replyTo: Ref<ProfileReply> }
    | { readonly type: "setLanguage"; readonly lang: Lang; readonly replyTo: Ref<Ack> }
    | { readonly type: "requestDelete"; readonly replyTo: Ref<PendingReply> }
    | { readonly type: "confirmDelete"; readonly token: string; readonly replyTo: Ref<DoneReply> }
    | { readonly type: "cancel"; readonly replyTo: Ref<DoneReply> }
    /** From an admin: bans or unbans this user (the user must already exist in SQLite). */
    | { readonly type: "setBanned"; readonly banned: boolean; readonly replyTo: Ref<Ack> }
    | { readonly type: "learn"; readonly replyTo: Ref<LearnReply> }
    | {
        readonly type: "learnAction";
        readonly action: LearnAction;
        readonly replyTo: Ref<LearnReply>;
      }
    | { readonly type: "quests"; readonly replyTo: Ref<QuestsReply> }
    | { readonly type: "leaderboard"; readonly replyTo: Ref<LeaderboardReply> }
    | { readonly type: "progress"; readonly replyTo: Ref<ProgressReply> }
    /** Shows (`change` absent) or changes the daily reminder. */
    | {
        readonly type: "reminders";
        readonly change?: ReminderChange;
        readonly replyTo: Ref<RemindersReply>;
      }
  );
