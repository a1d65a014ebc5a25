import type { ExplainRequest, Provider, ProviderAnswer } from "../provider";
import { analyze } from "./analyze";
import { compose } from "./compose";

/**
 * The answer path that needs no key and no network: recognizes assets, event kinds and
 * beginner terms with a built-in lexicon and explains them in `request.lang`.
 */
export function createOfflineAnalyzer(): Provider {
  return {
    name: "offline",
    // With an image, only its caption (the request text) is analyzed.
    vision: false,
    explain: async function explainOffline(request: ExplainRequest): Promise<ProviderAnswer> {
      return { text: compose(analyze(request.text, request.lang)) };
    },
  };
}
