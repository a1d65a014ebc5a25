import type { LessonLink, NamedTerm } from "../../learning/glossary-search";
import type { Unavailable } from "../../learning/learner";
import type { Quest } from "../../learning/quests";
import type { ExplanationSource } from "../explainer";
import type { Intent, ScamSignalId } from "../intent";
import type { LinkReading } from "../links/read-link";
import type { SmalltalkTone } from "./smalltalk-tone";
import type { TeachingLesson } from "./teach";

/** What RVX must store once its answer is sent, keyed by the sent message's id. */
export type ThreadSeed =
  /** A new thread about `news` (empty when it began with `question`), begun by `answer`. */
  | {
      readonly kind: "start";
      readonly news: string;
      readonly terms: readonly string[];
      readonly question: string;
      readonly answer: string;
    }
  /** A follow-up in thread `rootId`: the question and RVX's answer. */
  | {
      readonly kind: "turn";
      readonly rootId: number;
      readonly question: string;
      readonly answer: string;
    }
  /** A message that only points at thread `rootId` (the "ask your question" prompt). */
  | { readonly kind: "link"; readonly rootId: number };

/** XP and quota after an answer; `xpAwarded` 0 when it earned nothing. */
export interface Counted {
  readonly xpAwarded: number;
  readonly xp: number;
  readonly level: number;
  readonly leveledUp: boolean;
  /** Daily quests this answer completed; their bonus is part of `xpAwarded`. */
  readonly questsCompleted: readonly Quest[];
  /** Requests left today. */
  readonly remaining: number;
  /** Whether this answer used one of today's requests. */
  readonly spent: boolean;
}

/** Why an explanation earned no XP (or `new` when it did). */
export type NewsCount = "new" | "repeat" | "unrecognized";

/** Why a link was read only from its address (absent: link fetching is off). */
export type LinkFailure = NonNullable<Extract<LinkReading, { kind: "address" }>["failure"]>;

/** What an explanation was read from, when not the message's own text. */
export type ReadFrom =
  | { readonly kind: "article"; readonly title: string }
  | { readonly kind: "image" };

/** The reply to a text message, by the intent RVX read in it. */
export type MessageReply =
  | ({
      readonly ok: true;
      readonly kind: "explained";
      readonly text: string;
      readonly source: ExplanationSource;
      readonly provider: string;
      readonly count: NewsCount;
      readonly thread: ThreadSeed;
      readonly from?: ReadFrom;
      /** The lesson that teaches the news's main concept ("📚 What an ETF is · 3 min"). */
      readonly lesson?: TeachingLesson;
      /** Whether a "🧠 Check yourself" question exists for the main concept. */
      readonly check?: boolean;
    } & Counted)
  | ({
      readonly ok: true;
      readonly kind: "answered";
      readonly text: string;
      /** `ai`: a provider's answer; `glossary`: the offline glossary's. */
      readonly by: "ai" | "glossary";
      readonly related: readonly NamedTerm[];
      readonly lesson?: LessonLink;
      /** Answering the same thing again the same day earns nothing. */
      readonly repeat: boolean;
      /** The question asked for advice (buy, sell, when): RVX says it gives none first. */
      readonly advice: boolean;
      readonly thread: ThreadSeed;
    } & Counted)
  | {
      readonly ok: true;
      readonly kind: "unknown_term";
      readonly closestLessons: readonly LessonLink[];
      /** In a thread: the terms of its news the glossary can explain. */
      readonly threadTerms: readonly NamedTerm[];
    }
  | {
      readonly ok: true;
      readonly kind: "scam";
      readonly signals: readonly ScamSignalId[];
      /** A provider's explanation shown after RVX's own warning, when one was asked. */
      readonly text?: string;
      readonly remaining: number;
    }
  | { readonly ok: true; readonly kind: "smalltalk"; readonly tone: SmalltalkTone }
  | { readonly ok: true; readonly kind: "offtopic" | "link" }
  /**
   * A link read only from its address: fetching is off (`failure` absent) or the page could not
   * be read. `text`: the offline analysis of its slug, when it recognized something. Free.
   */
  | {
      readonly ok: true;
      readonly kind: "link_address";
      readonly failure?: LinkFailure;
      readonly text?: string;
    }
  /** A photo without a caption that no provider could read. Free. */
  | { readonly ok: true; readonly kind: "image_unread" }
  | { readonly ok: false; readonly reason: "flood"; readonly retryInMs: number }
  | { readonly ok: false; readonly reason: "quota"; readonly resetInMs: number }
  | {
      readonly ok: false;
      readonly reason: "banned" | "empty" | "not_ours" | "thread_gone";
    }
  | {
      readonly ok: false;
      readonly reason: "too_long";
      readonly length: number;
      readonly max: number;
    }
  | Unavailable;

/** The reply to "❓ Ask about this": the thread is open for a question, or it is gone. */
export type AskReply =
  | { readonly ok: true; readonly rootId: number }
  | { readonly ok: false; readonly reason: "thread_gone" | "banned" }
  | Unavailable;

/** Intents as counted in rvx_messages_total{intent}. */
export type { Intent };
