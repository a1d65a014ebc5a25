import { type GenerateContentResponse, GoogleGenAI } from "@google/genai";
import { classifyError } from "./classify-error";
import { buildMessages, capInput, MAX_OUTPUT_TOKENS, TEMPERATURE } from "./prompt";
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
}: GeminiOptions): Provider {
  // vertexai, apiVersion and baseUrl are explicit so GOOGLE_GENAI_* variables cannot redirect us;
  // the SDK retries only when httpOptions.retryOptions is set, and it is not.
  const ai = new GoogleGenAI({
    apiKey,
    vertexai: false,
    apiVersion: "v1beta",
    httpOptions: { baseUrl: baseUrl ?? DEFAULT_BASE_URL },
  });
  return {
    name: "gemini",
    async explain({ text, lang, signal }) {
      const { system, user } = buildMessages(capInput(text), lang);
      const deadline = AbortSignal.timeout(timeoutMs);
      let response: GenerateContentResponse;
      try {
        response = await ai.models.generateContent({
          model,
          contents: [{ role: "user", parts: [{ text: user }] }],
          config: {
            systemInstruction: system,
            temperature: TEMPERATURE,
            maxOutputTokens: MAX_OUTPUT_TOKENS,
            abortSignal: signal ? AbortSignal.any([signal, deadline]) : deadline,
            ...(thinkingBudget === undefined ? {} : { thinkingConfig: { thinkingBudget } }),
          },
        });
      } catch (error) {
        throw classifyError("gemini", error, { secrets: [apiKey] });
      }
      return { text: answerOf(response) };
    },
  };
}

function answerOf(response: GenerateContentResponse): string {
  const candidate = response.candidates?.[0];
  // Read the parts directly: the SDK's `text` getter logs warnings through console.
  const text = (candidate?.content?.parts ?? [])
    .filter((part) => typeof part.text === "string" && !part.thought)
    .map((part) => part.text)
    .join("")
    .trim();
  if (text) return text;
  const reason = response.promptFeedback?.blockReason ?? candidate?.finishReason ?? "no candidate";
  const kind =
    response.promptFeedback?.blockReason || BLOCKED.has(reason) ? "bad_request" : "malformed";
  throw new ProviderError("gemini", kind, `empty answer (${reason})`);
}
