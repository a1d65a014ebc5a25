import type { Reader } from "./config-parse";
import type { ProviderName } from "./provider-name";

/** An AI provider; the offline analyzer is not one and needs no configuration. */
export type AiProviderName = Exclude<ProviderName, "offline">;

/** How to reach one AI provider. Only providers with a key are configured at all. */
export interface AiProviderConfig {
  readonly name: AiProviderName;
  readonly apiKey: string;
  /** The API origin; each SDK appends its own path. */
  readonly baseUrl: string;
  readonly model: string;
  /**
   * Groq and Mistral only (GROQ_VISION_MODEL, MISTRAL_VISION_MODEL): the model asked when a
   * request carries an image. Unset: the provider takes no images. Gemini's model takes them.
   */
  readonly visionModel?: string;
  /** Gemini only: thinking tokens allowed (0 keeps a flash model from spending the budget). */
  readonly thinkingBudget?: number;
}

/** The explanation chain: AI providers (keyed ones, in PROVIDER_ORDER) and their breakers. */
export interface ProvidersConfig {
  /** Tried in this order; the offline analyzer always follows. May be empty. */
  readonly chain: readonly AiProviderConfig[];
  readonly timeoutMs: number;
  /** After this long without an AI answer the user gets the offline one (ANSWER_DEADLINE_MS). */
  readonly answerDeadlineMs: number;
  /** Calls in flight per provider. */
  readonly concurrency: number;
  readonly breakerFailures: number;
  readonly breakerCooldownMs: number;
  readonly healthcheckIntervalMs: number;
}

const AI_PROVIDERS: readonly AiProviderName[] = ["groq", "mistral", "gemini"];

const PROVIDER_DEFAULTS: Record<AiProviderName, { baseUrl: string; model: string }> = {
  groq: { baseUrl: "https://api.groq.com", model: "llama-3.3-70b-versatile" },
  mistral: { baseUrl: "https://api.mistral.ai", model: "mistral-small-latest" },
  gemini: { baseUrl: "https://generativelanguage.googleapis.com", model: "gemini-2.5-flash" },
};

/** PROVIDER_ORDER and each keyed provider's variables, with the breaker settings. */
export function parseProviders(read: Reader): ProvidersConfig {
  const order = read.list("PROVIDER_ORDER", AI_PROVIDERS, AI_PROVIDERS);
  const chain: AiProviderConfig[] = [];
  for (const name of order) {
    const prefix = name.toUpperCase();
    const apiKey = read.string(`${prefix}_API_KEY`);
    // A provider without a key is simply not in the chain.
    if (apiKey === undefined) continue;
    const defaults = PROVIDER_DEFAULTS[name];
    const model = read.model(`${prefix}_MODEL`) ?? defaults.model;
    const visionModel = name === "gemini" ? undefined : read.model(`${prefix}_VISION_MODEL`);
    chain.push({
      name,
      apiKey,
      baseUrl: read.url(`${prefix}_BASE_URL`, defaults.baseUrl),
      model,
      ...(visionModel === undefined ? {} : { visionModel }),
      // Flash models think by default and can be told not to; others may reject a budget of 0.
      ...(name === "gemini" && model.startsWith("gemini-2.5-flash") ? { thinkingBudget: 0 } : {}),
    });
  }
  return {
    chain,
    timeoutMs: read.int("PROVIDER_TIMEOUT_MS", 15_000, 100, 300_000),
    answerDeadlineMs: read.int("ANSWER_DEADLINE_MS", 12_000, 100, 600_000),
    concurrency: read.int("PROVIDER_CONCURRENCY", 8, 1, 1000),
    breakerFailures: read.int("BREAKER_FAILURES", 5, 1, 1000),
    breakerCooldownMs: read.int("BREAKER_COOLDOWN_MS", 60_000, 100, 600_000),
    healthcheckIntervalMs: read.int("HEALTHCHECK_INTERVAL_MS", 300_000, 1000, 2 ** 31 - 1),
  };
}
