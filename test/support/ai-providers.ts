import type { AnswerPolicy } from "../../src/analyzers/answer-shaper";
import { createGeminiProvider } from "../../src/analyzers/gemini";
import { createGroqProvider } from "../../src/analyzers/groq";
import { createMistralProvider } from "../../src/analyzers/mistral";
import type { Provider } from "../../src/analyzers/provider";
import type { FakeAiKind, StreamOptions } from "./fake-ai-servers";

export const TEST_KEY = "sk-test-0123456789";

export const TEST_MODELS: Record<FakeAiKind, string> = {
  groq: "llama-3.1-8b-instant",
  mistral: "mistral-small-latest",
  gemini: "gemini-2.5-flash",
};

/** What a test may set on a real adapter pointed at a fake server. */
export interface AdapterOverrides {
  readonly answer?: Partial<AnswerPolicy>;
  /** Groq and Mistral only; Gemini always takes images. */
  readonly visionModel?: string;
  readonly onFirstToken?: (seconds: number) => void;
}

/** The production adapter for `kind`, on the real SDK, talking to the fake at `baseUrl`. */
export function adapterFor(
  kind: FakeAiKind,
  baseUrl: string,
  { answer, visionModel, onFirstToken }: AdapterOverrides = {},
): Provider {
  const common = {
    apiKey: TEST_KEY,
    model: TEST_MODELS[kind],
    // Long enough that no test ever reaches it: tests abort by hand instead of waiting.
    timeoutMs: 60_000,
    ...(answer ? { answer } : {}),
    ...(onFirstToken ? { onFirstToken } : {}),
  };
  const vision = visionModel === undefined ? {} : { visionModel };
  switch (kind) {
    case "groq":
      return createGroqProvider({ ...common, ...vision, baseURL: baseUrl });
    case "mistral":
      return createMistralProvider({ ...common, ...vision, serverURL: baseUrl });
    case "gemini":
      return createGeminiProvider({ ...common, baseUrl });
  }
}

/** Releases streamed tokens one at a time, as a test decides (the fake's `gate`). */
export function tokenGate() {
  const waiting: (() => void)[] = [];
  let released = 0;
  return {
    gate: (index: number) =>
      index < released ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)),
    /** Lets `count` more tokens through. */
    release(count = 1) {
      for (let i = 0; i < count; i++) {
        released++;
        waiting.shift()?.();
      }
    },
  };
}

/** Streams every token at once, without the fake's default pacing (tests never wait for time). */
export const AT_ONCE: StreamOptions = { gate: () => Promise.resolve() };
