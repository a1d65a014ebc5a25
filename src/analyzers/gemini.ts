import { type GenerateContentResponse, GoogleGenAI } from "@google/genai";
import { type AnswerPolicy, answerPolicy, createAnswerShaper } from "./answer-shaper";
import { cappedFetch } from "./capped-fetch";
import { classifyError } from "./classify-error";
import { TEMPERATURE } from "./prompt";
import { type Provider, ProviderError } from "./provider";

/** How to reach Gemini. `baseUrl` is the origin; the SDK appends `/v1beta/models/…`. */
export interface GeminiOptions {
  readonly apiKey: string;
  readonly baseUrl?: string;
  readonly model: string;
  readonly timeoutMs: number;
  /**
   * Thinking tokens count against the output budget on thinking models; set 0 for
   * gemini-2.5-flash so the answer is not starved. Left out of the request when undefined.
   */
  readonly thinkingBudget?: number;
  /** Length, date, delimiter and byte cap; defaults from {@link answerPolicy}. */
  readonly answer?: Partial<AnswerPolicy>;
}

const DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

/** Finish reasons that mean the content was refused: the request's fault, not the provider's. */
const BLOCKED = new Set(["SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII"]);

/** A {@link Provider} backed by Gemini's generateContent, one attempt per call (no retries). */
export function createGeminiProvider({
  apiKey,
  baseUrl,
  model,
  timeoutMs,
  thinkingBudget,
  answer,
}: GeminiOptions): Provider {
  const policy = answerPolicy(answer);
  const shaper = createAnswerShaper("gemini", policy);
  // vertexai, apiVersion and baseUrl are explicit so GOOGLE_GENAI_* variables cannot redirect us;
  // the SDK retries only when httpOptions.retryOptions is set, and it is not.
  const ai = new GoogleGenAI({
    apiKey,
    vertexai: false,
    apiVersion: "v1beta",
    httpOptions: {
      baseUrl: baseUrl ?? DEFAULT_BASE_URL,
      fetch: cappedFetch("gemini", policy.maxResponseBytes),
    },
  });
  return {
    name: "gemini",
    async explain({ text, lang, signal }) {
      const { system, user, maxTokens } = shaper.prepare(text, lang);
      const deadline = AbortSignal.timeout(timeoutMs);
      let response: GenerateContentResponse;
      try {
        response = await ai.models.generateContent({
          model,
          contents: [{ role: "user", parts: [{ text: user }] }],
          config: {
            systemInstruction: system,
            temperature: TEMPERATURE,
            // Thinking tokens are taken from the same budget on thinking models.
            maxOutputTokens: maxTokens + (thinkingBudget ?? 0),
            abortSignal: signal ? AbortSignal.any([signal, deadline]) : deadline,
            ...(thinkingBudget === undefined ? {} : { thinkingConfig: { thinkingBudget } }),
          },
        });
      } catch (error) {
        throw classifyError("gemini", error, { secrets: [apiKey] });
      }
      const { text: raw, cutOff } = answerOf(response);
      return { text: shaper.finish(raw, lang, { cutOff }) };
    },
  };
}

function answerOf(response: GenerateContentResponse): { text: string; cutOff: boolean } {
  const candidate = response.candidates?.[0];
  // Read the parts directly: the SDK's `text` getter logs warnings through console.
  const text = (candidate?.content?.parts ?? [])
    .filter((part) => typeof part.text === "string" && !part.thought)
    .map((part) => part.text)
    .join("")
    .trim();
  if (text) return { text, cutOff: candidate?.finishReason === "MAX_TOKENS" };
  const reason = response.promptFeedback?.blockReason ?? candidate?.finishReason ?? "no candidate";
  const kind =
    response.promptFeedback?.blockReason || BLOCKED.has(reason) ? "bad_request" : "malformed";
  throw new ProviderError("gemini", kind, `empty answer (${reason})`);
}
