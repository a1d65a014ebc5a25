import type { AiProviderConfig } from "../config";
import { assertNever } from "../errors";
import type { AnswerPolicy } from "./answer-shaper";
import type { Provider } from "./provider";

/** An AI provider whose SDK can be loaded ahead of its first call. */
export interface PreloadableProvider extends Provider {
  /** Imports and sets up the SDK now (the Mistral SDK takes about a second); never rejects. */
  preload(): Promise<void>;
}

/**
 * The provider for one configured AI service. Its SDK is imported by `preload` (at start, right
 * after readiness) or else on the first call, so a process loads only the SDKs it has keys for
 * (the Mistral SDK alone is ~70 MB of RSS) and the import never eats into a call's timeout; the
 * imports are static strings, so `bun build --compile` still embeds all three. `answer` sets
 * the answer length (ANSWER_MAX_CHARS), the clock and the byte cap.
 */
export function createAiProvider(
  config: AiProviderConfig,
  timeoutMs: number,
  answer: Partial<AnswerPolicy> = {},
): PreloadableProvider {
  let loaded: Promise<Provider> | undefined;
  const load = () => {
    loaded ??= instantiate(config, timeoutMs, answer);
    return loaded;
  };
  return {
    name: config.name,
    explain: async (request) => (await load()).explain(request),
    preload: () =>
      load().then(
        () => {},
        () => {},
      ),
  };
}

async function instantiate(
  config: AiProviderConfig,
  timeoutMs: number,
  answer: Partial<AnswerPolicy>,
): Promise<Provider> {
  const { apiKey, baseUrl, model } = config;
  switch (config.name) {
    case "groq": {
      const { createGroqProvider } = await import("./groq");
      return createGroqProvider({ apiKey, baseURL: baseUrl, model, timeoutMs, answer });
    }
    case "mistral": {
      const { createMistralProvider } = await import("./mistral");
      return createMistralProvider({ apiKey, serverURL: baseUrl, model, timeoutMs, answer });
    }
    case "gemini": {
      const { createGeminiProvider } = await import("./gemini");
      return createGeminiProvider({
        apiKey,
        baseUrl,
        model,
        timeoutMs,
        answer,
        ...(config.thinkingBudget === undefined ? {} : { thinkingBudget: config.thinkingBudget }),
      });
    }
    default:
      return assertNever(config.name);
  }
}
