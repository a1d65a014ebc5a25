import { Mistral } from "@mistralai/mistralai";
import type { ChatCompletionResponse } from "@mistralai/mistralai/models/components";
import { classifyError } from "./classify-error";
import { buildMessages, capInput, MAX_OUTPUT_TOKENS, TEMPERATURE } from "./prompt";
import { type Provider, ProviderError } from "./provider";

/** How to reach Mistral. `serverURL` is the origin; the SDK appends `/v1/chat/completions`. */
export interface MistralOptions {
  readonly apiKey: string;
  readonly serverURL?: string;
  readonly model: string;
  readonly timeoutMs: number;
}

/** A {@link Provider} backed by Mistral's chat completions, one attempt per call (no retries). */
export function createMistralProvider({
  apiKey,
  serverURL,
  model,
  timeoutMs,
}: MistralOptions): Provider {
  const client = new Mistral({ apiKey, serverURL, retryConfig: { strategy: "none" }, timeoutMs });
  return {
    name: "mistral",
    async explain({ text, lang, signal }) {
      const { system, user } = buildMessages(capInput(text), lang);
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
            maxTokens: MAX_OUTPUT_TOKENS,
          },
          { signal: signal ? AbortSignal.any([signal, deadline]) : deadline },
        );
      } catch (error) {
        throw classifyError("mistral", error, { secrets: [apiKey] });
      }
      return { text: answerOf(completion) };
    },
  };
}

function answerOf(completion: ChatCompletionResponse): string {
  const choice = completion.choices?.[0];
  const content = choice?.message?.content;
  // Content is either a string or a list of chunks, of which only text chunks carry the answer.
  const text =
    typeof content === "string"
      ? content
      : (content ?? []).map((chunk) => (chunk.type === "text" ? chunk.text : "")).join("");
  if (text.trim()) return text.trim();
  throw new ProviderError(
    "mistral",
    "malformed",
    `empty answer (finish_reason: ${choice?.finishReason ?? "no choice"})`,
  );
}
