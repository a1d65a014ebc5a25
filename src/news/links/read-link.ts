import { canonicalUrl, urlSlugText } from "./canonical-url";
import { type FetchFailure, type FetchPageDeps, fetchPage } from "./fetch-page";

/** What RVX could learn from a link. */
export type LinkReading =
  /** The page was read; `news` is its article as text. */
  | {
      readonly kind: "article";
      readonly canonical: string;
      readonly title: string;
      readonly news: string;
    }
  /**
   * Only the address was read (fetching is off, or the page could not be read): `news` holds
   * the words of its slug, empty when it has none; `failure` says why the page was not read.
   */
  | {
      readonly kind: "address";
      readonly canonical: string;
      readonly news: string;
      readonly failure?: FetchFailure | "no_article";
    };

export interface LinkReaderDeps extends FetchPageDeps {
  /** LINK_FETCH: when false, links are never requested. */
  readonly enabled: boolean;
}

/** Pages whose article text is shorter than this are explained from their slug too. */
const MIN_ARTICLE_CHARS = 40;

/** Reads a link: the page's article when it can be fetched, else the words of its address. */
export function createLinkReader(deps: LinkReaderDeps) {
  return async function readLink(url: string): Promise<LinkReading> {
    const canonical = canonicalUrl(url);
    const slug = urlSlugText(canonical);
    if (!deps.enabled) return { kind: "address", canonical, news: slug };
    const page = await fetchPage(url, deps);
    if (!page.ok) return { kind: "address", canonical, news: slug, failure: page.reason };
    // Readability and linkedom cost ~25 MB of memory: loaded with the first page read, not at start.
    const { articleAsNews, extractArticle } = await import("./extract");
    const article = extractArticle(page.body, page.contentType);
    const news = articleAsNews(article);
    if (news.length < MIN_ARTICLE_CHARS) {
      return {
        kind: "address",
        canonical,
        news: [news, slug].filter(Boolean).join("\n"),
        failure: "no_article",
      };
    }
    return { kind: "article", canonical, title: article.title, news };
  };
}

export type LinkReader = ReturnType<typeof createLinkReader>;
