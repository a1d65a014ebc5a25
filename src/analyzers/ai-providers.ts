import type { AiProviderConfig } from "../config";
import { assertNever } from "../errors";
import type { Metrics } from "../metrics";
import type { AnswerPolicy } from "./answer-shaper";
import type { Provider } from "./provider";

/** What the AI providers record: the time to the first streamed token. */
export type ProviderMetrics = Pick<Metrics, "firstTokenSeconds">;

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
 * the answer length (ANSWER_MAX_CHARS), the clock and the byte cap; with `metrics`, streamed
 * calls observe rvx_first_token_seconds on `answer.now`.
 */
export function createAiProvider(
  config: AiProviderConfig,
  timeoutMs: number,
  answer: Partial<AnswerPolicy> = {},
  metrics?: ProviderMetrics,
): PreloadableProvider {
  let loaded: Promise<Provider> | undefined;
  const onFirstToken = metrics
    ? (seconds: number) => metrics.firstTokenSeconds.observe({ provider: config.name }, seconds)
    : undefined;
  const load = () => {
    loaded ??= instantiate(config, {
      timeoutMs,
      answer,
      ...(onFirstToken ? { onFirstToken } : {}),
    });
    return loaded;
  };
  return {
    name: config.name,
    // Known before the SDK loads, so a chain can skip a provider for images without a call.
    vision: config.name === "gemini" || config.visionModel !== undefined,
    explain: async (request) => (await load()).explain(request),
    preload: () =>
      load().then(
        () => {},
        () => {},
      ),
  };
}

type Common = {
  readonly timeoutMs: number;
  readonly answer: Partial<AnswerPolicy>;
  readonly onFirstToken?: (seconds: number) => void;
};

async function instantiate(config: AiProviderConfig, common: Common): Promise<Provider> {
  const { apiKey, baseUrl, model, visionModel } = config;
  const vision = visionModel === undefined ? {} : { visionModel };
  switch (config.name) {
    case "groq": {
      const { createGroqProvider } = await import("./groq");
      return createGroqProvider({ ...common, ...vision, apiKey, baseURL: baseUrl, model });
    }
    case "mistral": {
      const { createMistralProvider } = await import("./mistral");
      return createMistralProvider({ ...common, ...vision, apiKey, serverURL: baseUrl, model });
    }
    case "gemini": {
      const { createGeminiProvider } = await import("./gemini");
      return createGeminiProvider({
        ...common,
        apiKey,
        baseUrl,
        model,
        ...(config.thinkingBudget === undefined ? {} : { thinkingBudget: config.thinkingBudget }),
      });
    }
    default:
      return assertNever(config.name);
  }
}
