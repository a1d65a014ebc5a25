import Groq from "groq-sdk";
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

/** How to reach Groq. `baseURL` is the origin; the SDK appends `/openai/v1/chat/completions`. */
export interface GroqOptions {
  readonly apiKey: string;
  readonly baseURL?: string;
  readonly model: string;
  /** GROQ_VISION_MODEL: the model asked when a request carries an image; none, no images. */
  readonly visionModel?: string;
  readonly timeoutMs: number;
  /** Length, date, delimiter and byte cap; defaults from {@link answerPolicy}. */
  readonly answer?: Partial<AnswerPolicy>;
  /** Hears the time to the first streamed token, in seconds on `answer.now`. */
  readonly onFirstToken?: (seconds: number) => void;
}

const DEFAULT_BASE_URL = "https://api.groq.com";

/** Groq refuses (413) a request with a base64 image over 4 MB; refuse it here, unsent. */
const MAX_IMAGE_DATA_URL = 4_000_000 - 64 * 1024;

/**
 * A {@link Provider} backed by Groq's chat completions, one attempt per call (no SDK retries);
 * streamed (`stream: true`) when the request has `onDelta`, with the image as an OpenAI-style
 * `image_url` data URL when it has one.
 */
export function createGroqProvider({
  apiKey,
  baseURL,
  model,
  visionModel,
  timeoutMs,
  answer,
  onFirstToken,
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
    vision: visionModel !== undefined,
    async explain({ text, lang, signal, image, onDelta, tutor }) {
      if (image && visionModel === undefined) {
        throw new ProviderError("groq", "bad_request", "no vision model (GROQ_VISION_MODEL)");
      }
      const prepared = shaper.prepare(text, lang, { withImage: image !== undefined, tutor });
      const body = {
        model: (image && visionModel) || model,
        messages: messagesOf(prepared, image),
        temperature: TEMPERATURE,
        max_completion_tokens: prepared.maxTokens,
      };
      const options = { signal: callSignal(signal, timeoutMs) };
      const raw = await callSdk(
        "groq",
        {
          stream: async () =>
            piecesOf(await client.chat.completions.create({ ...body, stream: true }, options)),
          complete: async () => rawOf(await client.chat.completions.create(body, options)),
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
): Groq.Chat.ChatCompletionMessageParam[] {
  if (!image) {
    return [
      { role: "system", content: system },
      { role: "user", content: user },
    ];
  }
  const url = dataUrlOf(image);
  if (url.length > MAX_IMAGE_DATA_URL) {
    throw new ProviderError(
      "groq",
      "bad_request",
      `image of ${image.bytes.byteLength} bytes is over Groq's 4 MB base64 limit`,
    );
  }
  return [
    { role: "system", content: system },
    {
      role: "user",
      content: [
        { type: "text", text: user },
        { type: "image_url", image_url: { url } },
      ],
    },
  ];
}

async function* piecesOf(
  stream: AsyncIterable<Groq.Chat.ChatCompletionChunk>,
): AsyncGenerator<StreamPiece> {
  for await (const chunk of stream) {
    const choice = chunk.choices?.[0];
    const content = choice?.delta?.content;
    yield {
      text: typeof content === "string" ? content : "",
      finish: choice?.finish_reason ?? undefined,
    };
  }
}

function rawOf(completion: unknown): StreamedAnswer {
  const choice = (completion as Partial<Groq.Chat.ChatCompletion> | null)?.choices?.[0];
  const text = typeof choice?.message?.content === "string" ? choice.message.content : "";
  return { text, finish: String(choice?.finish_reason ?? "no choice") };
}

function judge({ text, finish }: StreamedAnswer): { text: string; cutOff: boolean } {
  if (text.trim()) return { text: text.trim(), cutOff: finish === "length" };
  // A filtered answer is about this request's content, not the provider's health.
  const kind = finish === "content_filter" ? "bad_request" : "malformed";
  throw new ProviderError("groq", kind, `empty answer (finish_reason: ${finish})`);
}
