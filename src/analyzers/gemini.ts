import { type Content, type GenerateContentResponse, GoogleGenAI } from "@google/genai";
import { type AnswerPolicy, answerPolicy, createAnswerShaper } from "./answer-shaper";
import { cappedFetch } from "./capped-fetch";
import { base64Of } from "./image";
import { TEMPERATURE } from "./prompt";
import { type ImageInput, type Provider, ProviderError } from "./provider";
import { callSdk, callSignal, type StreamedAnswer, type StreamPiece } from "./stream-answer";

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
  /** Hears the time to the first streamed token, in seconds on `answer.now`. */
  readonly onFirstToken?: (seconds: number) => void;
}

const DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

/** Finish reasons that mean the content was refused: the request's fault, not the provider's. */
const BLOCKED = new Set(["SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII"]);

/**
 * A {@link Provider} backed by Gemini's generateContent, one attempt per call (no retries);
 * streamed (`generateContentStream`, SSE) when the request has `onDelta`. Gemini models are
 * multimodal, so an image goes to the same model as an `inlineData` part.
 */
export function createGeminiProvider({
  apiKey,
  baseUrl,
  model,
  timeoutMs,
  thinkingBudget,
  answer,
  onFirstToken,
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
    vision: true,
    async explain({ text, lang, signal, image, onDelta, tutor }) {
      const { system, user, maxTokens } = shaper.prepare(text, lang, {
        withImage: !!image,
        tutor,
      });
      const request = {
        model,
        contents: contentsOf(user, image),
        config: {
          systemInstruction: system,
          temperature: TEMPERATURE,
          // Thinking tokens are taken from the same budget on thinking models.
          maxOutputTokens: maxTokens + (thinkingBudget ?? 0),
          abortSignal: callSignal(signal, timeoutMs),
          ...(thinkingBudget === undefined ? {} : { thinkingConfig: { thinkingBudget } }),
        },
      };
      const raw = await callSdk(
        "gemini",
        {
          stream: async () => piecesOf(await ai.models.generateContentStream(request)),
          complete: async () => {
            const response = await ai.models.generateContent(request);
            return { text: textOf(response), finish: finishOf(response) ?? "no candidate" };
          },
        },
        { onDelta, onFirstToken, now: policy.now, signal: request.config.abortSignal, apiKey },
      );
      const { text: whole, cutOff } = judge(raw);
      return { text: shaper.finish(whole, lang, { cutOff }) };
    },
  };
}

function contentsOf(user: string, image: ImageInput | undefined): Content[] {
  const inline = image ? [{ inlineData: { mimeType: image.mimeType, data: base64Of(image) } }] : [];
  return [{ role: "user", parts: [{ text: user }, ...inline] }];
}

async function* piecesOf(
  stream: AsyncIterable<GenerateContentResponse>,
): AsyncGenerator<StreamPiece> {
  for await (const chunk of stream) yield { text: textOf(chunk), finish: finishOf(chunk) };
}

/** Reads the parts directly: the SDK's `text` getter logs warnings through console. */
function textOf(response: GenerateContentResponse): string {
  return (response.candidates?.[0]?.content?.parts ?? [])
    .filter((part) => typeof part.text === "string" && !part.thought)
    .map((part) => part.text)
    .join("");
}

/** The candidate's finish reason, or a prompt block, marked so {@link judge} can tell them apart. */
function finishOf(response: GenerateContentResponse): string | undefined {
  const blocked = response.promptFeedback?.blockReason;
  if (blocked) return `BLOCKED:${blocked}`;
  return response.candidates?.[0]?.finishReason;
}

function judge({ text, finish }: StreamedAnswer): { text: string; cutOff: boolean } {
  // A safety stop after some text leaves it unfinished, as the token limit does.
  if (text.trim()) {
    return { text: text.trim(), cutOff: finish === "MAX_TOKENS" || BLOCKED.has(finish) };
  }
  const kind = finish.startsWith("BLOCKED:") || BLOCKED.has(finish) ? "bad_request" : "malformed";
  throw new ProviderError("gemini", kind, `empty answer (${finish.replace(/^BLOCKED:/, "")})`);
}
