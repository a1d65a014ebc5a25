import type { Logger } from "../logger";
import type { ExplainRequest, Provider, ProviderName } from "./provider";

/** Whatever turns a request into an answer, trying providers in order. */
export interface AnswerChain {
  explain(
    request: ExplainRequest,
  ): Promise<{ readonly text: string; readonly provider: ProviderName }>;
  /**
   * Only the AI providers, for a request with `tutor` (a beginner's question); undefined when
   * none answered. Absent when the chain has no AI provider: questions are answered offline.
   */
  readonly tutor?: (
    request: ExplainRequest,
  ) => Promise<{ readonly text: string; readonly provider: ProviderName } | undefined>;
  /** Whether some provider of the chain reads images (a request's `image`). */
  readonly vision?: boolean;
}

/**
 * A chain over plain providers, tried in order; the last one (the offline analyzer) is expected
 * never to fail. The AI chain with circuit breakers replaces this where keys are configured.
 */
export function createSequentialChain(providers: readonly Provider[], logger: Logger): AnswerChain {
  if (providers.length === 0) throw new Error("a chain needs at least one provider");
  return {
    async explain(request) {
      let lastError: unknown;
      for (const provider of providers) {
        if (request.image && !provider.vision && provider !== providers.at(-1)) continue;
        try {
          const answer = await provider.explain(
            request.image && !provider.vision
              ? { text: request.text, lang: request.lang }
              : request,
          );
          return { text: answer.text, provider: provider.name };
        } catch (error) {
          lastError = error;
          logger.warn({ provider: provider.name, err: error }, "provider failed; trying the next");
        }
      }
      throw lastError;
    },
    vision: providers.some((p) => p.vision === true),
  };
}
