import type { AnswerChain } from "../analyzers/chain";
import { PROMPT_VERSION } from "../analyzers/prompt";
import type { ImageInput, ProviderName } from "../analyzers/provider";
import type { CacheHit, ExplanationCache } from "../cache/explanation-cache";
import { LANGS, type Lang } from "../i18n/lang";
import type { NormalizedNews } from "./normalize";

/** Where an explanation came from, as counted in rvx_explanations_total{source}. */
export type ExplanationSource = "cache_memory" | "cache_db" | "cache_near" | ProviderName;

export interface Explanation {
  readonly text: string;
  readonly source: ExplanationSource;
  /** The provider that wrote the text (for a cache hit, the one that wrote it originally). */
  readonly provider: string;
}

export interface ExplainerDeps {
  readonly cache: ExplanationCache;
  readonly chain: AnswerChain;
  readonly ttlMs: number;
  /** Offline answers are kept briefly so AI answers replace them once providers recover. */
  readonly offlineTtlMs: number;
}

/** What else an explanation may need besides its text. */
export interface ExplainOptions {
  /** The cache key to use instead of the text's (a link's canonical URL, see linkCacheKey). */
  readonly key?: string;
  /** A screenshot or photo; `news` is then its caption. Cached under the image, never the caption. */
  readonly image?: ImageInput;
  /** Streams a provider's answer as it is written; a cache hit or offline answer never calls it. */
  readonly onDelta?: (textSoFar: string) => void;
}

const SOURCE_OF_LAYER = {
  memory: "cache_memory",
  db: "cache_db",
  near: "cache_near",
} as const satisfies Record<CacheHit["layer"], ExplanationSource>;

/**
 * Cache first (exact key, then a near-duplicate of the news), then the provider chain. Identical requests in flight at the same time share
 * one provider call.
 */
export function createExplainer(deps: ExplainerDeps) {
  const inFlight = new Map<string, Promise<Explanation>>();

  async function compute(
    key: string,
    news: NormalizedNews,
    lang: Lang,
    options: ExplainOptions,
  ): Promise<Explanation> {
    const answer = await deps.chain.explain({
      text: news.text,
      lang,
      ...(options.image ? { image: options.image } : {}),
      ...(options.onDelta ? { onDelta: options.onDelta } : {}),
    });
    const ttl = answer.provider === "offline" ? deps.offlineTtlMs : deps.ttlMs;
    const query = options.image ? undefined : { news: news.text, lang };
    deps.cache.put(key, answer.text, answer.provider, ttl, query);
    return { text: answer.text, source: answer.provider, provider: answer.provider };
  }

  return {
    explain(news: NormalizedNews, lang: Lang, options: ExplainOptions = {}): Promise<Explanation> {
      const key = options.image
        ? imageCacheKey(options.image, news, lang)
        : (options.key ?? cacheKey(news, lang));
      // A near-duplicate of a caption is not the same picture: images match their exact key only.
      const hit = deps.cache.get(key, options.image ? undefined : { news: news.text, lang });
      if (hit) {
        const source = SOURCE_OF_LAYER[hit.layer];
        return Promise.resolve({ text: hit.text, source, provider: hit.source });
      }
      const pending = inFlight.get(key);
      if (pending) return pending;
      const promise = compute(key, news, lang, options).finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
  };
}

export type Explainer = ReturnType<typeof createExplainer>;

/**
 * The cache key: language, prompt version and a hash of the normalized text. A new prompt
 * version makes new keys, so answers written under the old prompt are no longer served (they
 * expire with their TTL).
 */
export function cacheKey(news: NormalizedNews, lang: Lang, promptVersion = PROMPT_VERSION): string {
  const hash = new Bun.CryptoHasher("sha256").update(news.key).digest("hex");
  return `${lang}:p${promptVersion}:${hash}`;
}

/** The cache key of a link's explanation: its canonical URL (tracking parameters removed). */
export function linkCacheKey(
  canonical: string,
  lang: Lang,
  promptVersion = PROMPT_VERSION,
): string {
  const hash = new Bun.CryptoHasher("sha256").update(canonical).digest("hex");
  return `${lang}:p${promptVersion}:link:${hash}`;
}

/** The cache key of an image's explanation: the image's bytes and its caption. */
export function imageCacheKey(image: ImageInput, caption: NormalizedNews, lang: Lang): string {
  const hash = new Bun.CryptoHasher("sha256").update(image.bytes).update(caption.key).digest("hex");
  return `${lang}:p${PROMPT_VERSION}:image:${hash}`;
}

/** The answer language of a cache key written under `promptVersion`; undefined for others. */
export function langOfCacheKey(key: string, promptVersion = PROMPT_VERSION): Lang | undefined {
  for (const lang of LANGS) if (key.startsWith(`${lang}:p${promptVersion}:`)) return lang;
  return undefined;
}
