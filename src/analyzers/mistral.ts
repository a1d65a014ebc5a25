import { HTTPClient, Mistral } from "@mistralai/mistralai";
import type { ChatCompletionResponse } from "@mistralai/mistralai/models/components";
import { type AnswerPolicy, answerPolicy, createAnswerShaper } from "./answer-shaper";
import { cappedFetch } from "./capped-fetch";
import { classifyError } from "./classify-error";
import { TEMPERATURE } from "./prompt";
import { type Provider, ProviderError } from "./provider";

/** How to reach Mistral. `serverURL` is the origin; the SDK appends `/v1/chat/completions`. */
export interface MistralOptions {
  readonly apiKey: string;
  readonly serverURL?: string;
  readonly model: string;
  readonly timeoutMs: number;
  /** Length, date, delimiter and byte cap; defaults from {@link answerPolicy}. */
  readonly answer?: Partial<AnswerPolicy>;
}

/** A {@link Provider} backed by Mistral's chat completions, one attempt per call (no retries). */
export function createMistralProvider({
  apiKey,
  serverURL,
  model,
  timeoutMs,
  answer,
}: MistralOptions): Provider {
  const policy = answerPolicy(answer);
  const shaper = createAnswerShaper("mistral", policy);
  const client = new Mistral({
    apiKey,
    serverURL,
    retryConfig: { strategy: "none" },
    timeoutMs,
    httpClient: new HTTPClient({ fetcher: cappedFetch("mistral", policy.maxResponseBytes) }),
  });
  return {
    name: "mistral",
    async explain({ text, lang, signal }) {
      const { system, user, maxTokens } = shaper.prepare(text, lang);
      // The SDK ignores its own timeoutMs once a signal is given, so the deadline joins it here.
      const deadline = AbortSignal.timeout(timeoutMs);
      let completion: ChatCompletionResponse;
      try {
        completion = await client.chat.complete(
          {
            model,
            messages: [
              { role: "system", content: system },
              { role: "user", content: user },
            ],
            temperature: TEMPERATURE,
            maxTokens,
          },
          { signal: signal ? AbortSignal.any([signal, deadline]) : deadline },
        );
      } catch (error) {
        throw classifyError("mistral", error, { secrets: [apiKey] });
      }
      const { text: raw, cutOff } = answerOf(completion);
      return { text: shaper.finish(raw, lang, { cutOff }) };
    },
  };
}

/** Finish reasons that mean the output-token limit cut the answer. */
const CUT_OFF = new Set(["length", "model_length"]);

function answerOf(completion: ChatCompletionResponse): { text: string; cutOff: boolean } {
  const choice = completion.choices?.[0];
  const content = choice?.message?.content;
  // Content is either a string or a list of chunks, of which only text chunks carry the answer.
  const text =
    typeof content === "string"
      ? content
      : (content ?? []).map((chunk) => (chunk.type === "text" ? chunk.text : "")).join("");
  if (text.trim()) return { text: text.trim(), cutOff: CUT_OFF.has(choice?.finishReason ?? "") };
  throw new ProviderError(
    "mistral",
    "malformed",
    `empty answer (finish_reason: ${choice?.finishReason ?? "no choice"})`,
  );
}
