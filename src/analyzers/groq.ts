import Groq from "groq-sdk";
import { type AnswerPolicy, answerPolicy, createAnswerShaper } from "./answer-shaper";
import { cappedFetch } from "./capped-fetch";
import { classifyError } from "./classify-error";
import { TEMPERATURE } from "./prompt";
import { type Provider, ProviderError } from "./provider";

/** How to reach Groq. `baseURL` is the origin; the SDK appends `/openai/v1/chat/completions`. */
export interface GroqOptions {
  readonly apiKey: string;
  readonly baseURL?: string;
  readonly model: string;
  readonly timeoutMs: number;
  /** Length, date, delimiter and byte cap; defaults from {@link answerPolicy}. */
  readonly answer?: Partial<AnswerPolicy>;
}

const DEFAULT_BASE_URL = "https://api.groq.com";

/** A {@link Provider} backed by Groq's chat completions, one attempt per call (no SDK retries). */
export function createGroqProvider({
  apiKey,
  baseURL,
  model,
  timeoutMs,
  answer,
}: GroqOptions): Provider {
  const policy = answerPolicy(answer);
  const shaper = createAnswerShaper("groq", policy);
  // An explicit default keeps GROQ_BASE_URL from the environment out of the picture; the SDK's
  // own timeout (60 s by default) only covers the wait for headers, so ours is the real bound.
  const client = new Groq({
    apiKey,
    baseURL: baseURL ?? DEFAULT_BASE_URL,
    maxRetries: 0,
    timeout: timeoutMs,
    fetch: cappedFetch("groq", policy.maxResponseBytes),
  });
  return {
    name: "groq",
    async explain({ text, lang, signal }) {
      const { system, user, maxTokens } = shaper.prepare(text, lang);
      const deadline = AbortSignal.timeout(timeoutMs);
      let completion: Groq.Chat.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          {
            model,
            messages: [
              { role: "system", content: system },
              { role: "user", content: user },
            ],
            temperature: TEMPERATURE,
            max_completion_tokens: maxTokens,
          },
          { signal: signal ? AbortSignal.any([signal, deadline]) : deadline },
        );
      } catch (error) {
        throw classifyError("groq", error, { secrets: [apiKey] });
      }
      const { text: raw, cutOff } = answerOf(completion);
      return { text: shaper.finish(raw, lang, { cutOff }) };
    },
  };
}

function answerOf(completion: unknown): { text: string; cutOff: boolean } {
  const choice = (completion as Partial<Groq.Chat.ChatCompletion> | null)?.choices?.[0];
  const text = typeof choice?.message?.content === "string" ? choice.message.content.trim() : "";
  if (text) return { text, cutOff: choice?.finish_reason === "length" };
  const reason = String(choice?.finish_reason ?? "no choice");
  // A filtered answer is about this request's content, not the provider's health.
  const kind = reason === "content_filter" ? "bad_request" : "malformed";
  throw new ProviderError("groq", kind, `empty answer (finish_reason: ${reason})`);
}
