import type { FakeAiKind } from "./fake-ai-servers";

/**
 * How a fake server streams its reply: the reply is split into word tokens; the first comes
 * after `firstTokenMs`, then one every 1000 / `tokensPerSecond` ms. `gate` replaces that timing
 * in tests (they release tokens one by one instead of waiting); `cutAfterTokens` ends the stream
 * mid-answer, without a finish reason or `[DONE]`, as a dropped connection would (`cutQuietly`:
 * the body ends cleanly there instead, as a proxy closing an idle stream would).
 */
export interface StreamOptions {
  readonly firstTokenMs?: number;
  readonly tokensPerSecond?: number;
  readonly gate?: (tokenIndex: number) => Promise<void>;
  readonly cutAfterTokens?: number;
  readonly cutQuietly?: boolean;
}

/** Whether a request asks for a streamed answer, in its provider's wire format. */
export function wantsStream(kind: FakeAiKind, path: string, body: unknown): boolean {
  if (kind === "gemini") return path.endsWith(":streamGenerateContent");
  return (
    typeof body === "object" && body !== null && (body as { stream?: unknown }).stream === true
  );
}

/** Splits a reply into tokens that concatenate back to it (a word and its following space). */
export function tokensOf(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * A server-sent-events response streaming `reply` in `kind`'s chunk format; `cutOff` ends it
 * with the token limit's finish reason (`length`, `MAX_TOKENS`) instead of a normal stop.
 */
export function streamResponse(
  kind: FakeAiKind,
  reply: string,
  path: string,
  options: StreamOptions,
  cutOff = false,
): Response {
  const tokens = tokensOf(reply);
  const encoder = new TextEncoder();
  const wait = async (index: number): Promise<void> => {
    if (options.gate) return options.gate(index);
    const ms = index === 0 ? (options.firstTokenMs ?? 0) : 1000 / (options.tokensPerSecond ?? 1000);
    if (ms > 0) await Bun.sleep(ms);
  };
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (data: unknown) =>
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(data)}\n\n`));
      for (const [index, token] of tokens.entries()) {
        if (options.cutAfterTokens !== undefined && index >= options.cutAfterTokens) {
          // An error before the end is what a reset connection looks like to the client; a
          // reason-less one keeps Bun from logging it as uncaught.
          if (options.cutQuietly) controller.close();
          else controller.error();
          return;
        }
        await wait(index);
        send(chunk(kind, token, undefined, path));
      }
      send(chunk(kind, "", cutOff ? "length" : "stop", path));
      if (kind !== "gemini") controller.enqueue(encoder.encode("data: [DONE]\n\n"));
      controller.close();
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/event-stream", "cache-control": "no-cache" },
  });
}

type Finish = "stop" | "length" | undefined;

function chunk(kind: FakeAiKind, text: string, finish: Finish, path: string): unknown {
  if (kind === "gemini") {
    return {
      candidates: [
        {
          content: { parts: [{ text }], role: "model" },
          index: 0,
          ...(finish ? { finishReason: finish === "length" ? "MAX_TOKENS" : "STOP" } : {}),
        },
      ],
      ...(finish
        ? {
            usageMetadata: {
              promptTokenCount: 120,
              candidatesTokenCount: 60,
              totalTokenCount: 180,
            },
          }
        : {}),
      modelVersion: path.split("/").at(-1)?.split(":")[0],
      responseId: "fake-stream",
    };
  }
  return {
    id: "chatcmpl-fake-stream",
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model: "fake-model",
    choices: [
      {
        index: 0,
        delta: finish ? {} : { role: "assistant", content: text },
        finish_reason: finish ?? null,
      },
    ],
  };
}
