import type { Lang } from "../i18n/lang";
import { MAX_RESPONSE_BYTES } from "./capped-fetch";
import { matchesLanguage } from "./language-check";
import { buildImageMessages, buildMessages, capInput, lengthBudget, pickDelimiter } from "./prompt";
import { ProviderError, type ProviderName } from "./provider";
import { createSanitizer } from "./sanitize";
import { fitSentences } from "./sentences";
import { buildTutorMessages, type TutorContext, tutorQuoted } from "./tutor-prompt";

/** What shapes every AI answer; one per process, shared by the provider adapters. */
export interface AnswerPolicy {
  /** ANSWER_MAX_CHARS: the longest answer shown. */
  readonly maxChars: number;
  /** The clock's `now`, for today's date in the prompt. */
  readonly now: () => number;
  /** A fresh random token per call, for the news delimiter. */
  readonly token: () => string;
  /** The most bytes read from one provider response. */
  readonly maxResponseBytes: number;
}

/**
 * Streamed chunks repeat their JSON envelope every few characters (~250 bytes a token on Groq),
 * so a stream of the longest allowed answer can pass a cap a plain answer never nears.
 */
const STREAM_BYTES_PER_TOKEN = 512;

/**
 * The policy with defaults for what is not given (400 characters, system time, random tokens,
 * a 256 KB body cap, raised for long answers so their stream is still read whole).
 */
export function answerPolicy(given: Partial<AnswerPolicy> = {}): AnswerPolicy {
  const maxChars = given.maxChars ?? 400;
  const maxTokens = Math.max(
    lengthBudget(maxChars, "ru").maxTokens,
    lengthBudget(maxChars, "en").maxTokens,
  );
  return {
    maxChars,
    now: given.now ?? Date.now,
    token: given.token ?? (() => crypto.randomUUID().replaceAll("-", "").slice(0, 16)),
    maxResponseBytes:
      given.maxResponseBytes ?? Math.max(MAX_RESPONSE_BYTES, maxTokens * STREAM_BYTES_PER_TOKEN),
  };
}

/** One call's request: the messages and the output-token limit. */
export interface PreparedCall {
  readonly system: string;
  readonly user: string;
  readonly maxTokens: number;
}

/**
 * What an adapter does before and after its SDK call. `prepare` caps the post, picks a fresh
 * delimiter and states today's date and the length; `finish` turns the model's raw text into
 * the answer (plain text, whole sentences, within the limit) or throws a {@link ProviderError}:
 * `malformed` when nothing is left, `wrong_language` when it is not in the script asked for.
 */
export function createAnswerShaper(provider: ProviderName, policy: AnswerPolicy) {
  const sanitize = createSanitizer();
  return {
    /**
     * `withImage`: the news is in an image sent beside the messages; `text` is its caption.
     * `tutor`: `text` is a beginner's question, asked about that thread (tutor prompt).
     */
    prepare(
      text: string,
      lang: Lang,
      { withImage = false, tutor }: { withImage?: boolean; tutor?: TutorContext } = {},
    ): PreparedCall {
      const budget = lengthBudget(policy.maxChars, lang);
      const today = new Date(policy.now()).toISOString().slice(0, 10);
      if (tutor) {
        const tag = pickDelimiter(tutorQuoted(text, tutor), policy.token);
        const messages = buildTutorMessages(text, tutor, { lang, today, budget, tag });
        return { ...messages, maxTokens: budget.maxTokens };
      }
      const news = capInput(text);
      const tag = pickDelimiter(news, policy.token);
      const build = withImage ? buildImageMessages : buildMessages;
      return { ...build(news, { lang, today, budget, tag }), maxTokens: budget.maxTokens };
    },
    finish(raw: string, lang: Lang, { cutOff }: { cutOff: boolean }): string {
      const answer = fitSentences(sanitize(raw), lang, policy.maxChars, { cutOff });
      if (!answer) throw new ProviderError(provider, "malformed", "nothing left after sanitizing");
      if (!matchesLanguage(answer, lang)) {
        throw new ProviderError(provider, "wrong_language", `answer is not in ${lang}`);
      }
      return answer;
    },
  };
}

export type AnswerShaper = ReturnType<typeof createAnswerShaper>;
