import type { ExplainRequest, Provider, ProviderAnswer } from "../provider";
import { analyze } from "./analyze";
import { compose, DEFAULT_MAX_CHARS } from "./compose";

/** How the offline analyzer is set up. */
export interface OfflineAnalyzerOptions {
  /** The longest answer the bot sends (`config.answerMaxChars`); answers are built to fit. */
  readonly maxChars?: number;
}

/**
 * The answer path that needs no key and no network: recognizes assets, event kinds and
 * beginner terms with a built-in lexicon and explains them in `request.lang`.
 */
export function createOfflineAnalyzer({
  maxChars = DEFAULT_MAX_CHARS,
}: OfflineAnalyzerOptions = {}): Provider {
  return {
    name: "offline",
    // With an image, only its caption (the request text) is analyzed.
    vision: false,
    explain: async function explainOffline(request: ExplainRequest): Promise<ProviderAnswer> {
      return { text: compose(analyze(request.text, request.lang), maxChars) };
    },
  };
}
