import { HTTPClient, Mistral } from "@mistralai/mistralai";
import type {
  ChatCompletionRequestMessage,
  ChatCompletionResponse,
  CompletionEvent,
  ContentChunk,
} from "@mistralai/mistralai/models/components";
import {
  type AnswerPolicy,
  answerPolicy,
  createAnswerShaper,
  type PreparedCall,
} from "./answer-shaper";
import { cappedFetch } from "./capped-fetch";
import { dataUrlOf } from "./image";
import { TEMPERATURE } from "./prompt";
import { type ImageInput, type Provider, ProviderError } from "./provider";
import { callSdk, callSignal, type StreamedAnswer, type StreamPiece } from "./stream-answer";

/** How to reach Mistral. `serverURL` is the origin; the SDK appends `/v1/chat/completions`. */
export interface MistralOptions {
  readonly apiKey: string;
  readonly serverURL?: string;
  readonly model: string;
  /** MISTRAL_VISION_MODEL: the model asked when a request carries an image; none, no images. */
  readonly visionModel?: string;
  readonly timeoutMs: number;
  /** Length, date, delimiter and byte cap; defaults from {@link answerPolicy}. */
  readonly answer?: Partial<AnswerPolicy>;
  /** Hears the time to the first streamed token, in seconds on `answer.now`. */
  readonly onFirstToken?: (seconds: number) => void;
}

/**
 * A {@link Provider} backed by Mistral's chat completions, one attempt per call (no retries);
 * streamed (`chat.stream`) when the request has `onDelta`, with the image as an `image_url`
 * content chunk (a data URL) when it has one.
 */
export function createMistralProvider({
  apiKey,
  serverURL,
  model,
  visionModel,
  timeoutMs,
  answer,
  onFirstToken,
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
    vision: visionModel !== undefined,
    async explain({ text, lang, signal, image, onDelta, tutor }) {
      if (image && visionModel === undefined) {
        throw new ProviderError("mistral", "bad_request", "no vision model (MISTRAL_VISION_MODEL)");
      }
      const prepared = shaper.prepare(text, lang, { withImage: image !== undefined, tutor });
      const body = {
        model: (image && visionModel) || model,
        messages: messagesOf(prepared, image),
        temperature: TEMPERATURE,
        maxTokens: prepared.maxTokens,
      };
      // The SDK ignores its own timeoutMs once a signal is given, so the deadline joins it here.
      const options = { signal: callSignal(signal, timeoutMs) };
      const raw = await callSdk(
        "mistral",
        {
          stream: async () => piecesOf(await client.chat.stream(body, options)),
          complete: async () => rawOf(await client.chat.complete(body, options)),
        },
        { onDelta, onFirstToken, now: policy.now, signal: options.signal, apiKey },
      );
      const { text: whole, cutOff } = judge(raw);
      return { text: shaper.finish(whole, lang, { cutOff }) };
    },
  };
}

function messagesOf(
  { system, user }: PreparedCall,
  image: ImageInput | undefined,
): ChatCompletionRequestMessage[] {
  return [
    { role: "system", content: system },
    {
      role: "user",
      content: image
        ? [
            { type: "text", text: user },
            { type: "image_url", imageUrl: dataUrlOf(image) },
          ]
        : user,
    },
  ];
}

async function* piecesOf(stream: AsyncIterable<CompletionEvent>): AsyncGenerator<StreamPiece> {
  for await (const event of stream) {
    const choice = event.data.choices[0];
    yield { text: textOf(choice?.delta.content), finish: choice?.finishReason ?? undefined };
  }
}

function rawOf(completion: ChatCompletionResponse): StreamedAnswer {
  const choice = completion.choices?.[0];
  return { text: textOf(choice?.message?.content), finish: choice?.finishReason ?? "no choice" };
}

/** Content is either a string or a list of chunks, of which only text chunks carry the answer. */
function textOf(content: string | ContentChunk[] | null | undefined): string {
  if (typeof content === "string") return content;
  return (content ?? []).map((chunk) => (chunk.type === "text" ? chunk.text : "")).join("");
}

/** Finish reasons that mean the output-token limit cut the answer. */
const CUT_OFF = new Set(["length", "model_length"]);

function judge({ text, finish }: StreamedAnswer): { text: string; cutOff: boolean } {
  // Mistral ends a stream it could not finish with finish_reason "error": the text is partial.
  if (finish === "error") {
    throw new ProviderError("mistral", "server", "stream finished with an error");
  }
  if (text.trim()) return { text: text.trim(), cutOff: CUT_OFF.has(finish) };
  throw new ProviderError("mistral", "malformed", `empty answer (finish_reason: ${finish})`);
}
