import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

/** What a page says, as much as a beginner's explanation needs. */
export interface Article {
  readonly title: string;
  readonly description: string;
  /** The article's first paragraphs, plain text. */
  readonly text: string;
  readonly siteName: string;
}

/** Paragraphs kept from an article: enough for an explanation, not the whole page. */
const MAX_TEXT_CHARS = 3000;

/**
 * Extracts the article from a page: Mozilla's Readability over a linkedom DOM, falling back
 * to og:title / og:description / <title> when Readability finds no article. Plain-text pages
 * are taken as they are.
 */
export function extractArticle(body: string, contentType: "text/html" | "text/plain"): Article {
  if (contentType === "text/plain") {
    return { title: "", description: "", text: clip(collapse(body)), siteName: "" };
  }
  const { document } = parseHTML(body);
  const meta = (name: string): string =>
    collapse(
      document.querySelector(`meta[property="${name}"]`)?.getAttribute("content") ??
        document.querySelector(`meta[name="${name}"]`)?.getAttribute("content") ??
        "",
    );
  const fallbackTitle =
    meta("og:title") || collapse(document.querySelector("title")?.textContent ?? "");
  const description = meta("og:description") || meta("description");
  const siteName = meta("og:site_name");
  // Readability mutates the document it reads; everything else was read above.
  const parsed = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    { charThreshold: 200 },
  ).parse();
  const paragraphs = parsed?.content ? blocksOf(parsed.content) : [];
  const site = siteName || collapse(parsed?.siteName ?? "");
  return {
    title: withoutSiteSuffix(collapse(parsed?.title ?? "") || fallbackTitle, site),
    description: description || collapse(parsed?.excerpt ?? ""),
    text: clip(paragraphs.join("\n")),
    siteName: site,
  };
}

/** Title, description and text as one news text for the analyzers. */
export function articleAsNews(article: Article): string {
  const parts = [article.title, article.description, article.text].filter(Boolean);
  // The description often repeats the text's first sentence.
  const unique = parts.filter(
    (part, i) => !parts.slice(i + 1).some((later) => later.startsWith(part)),
  );
  return unique.join("\n\n");
}

/** The text of each paragraph-like block of Readability's cleaned article HTML. */
function blocksOf(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll("h1, h2, h3, h4, p, li, blockquote, pre")]
    // A block inside another listed block is already part of that block's text.
    .filter((el) => !el.parentElement?.closest("h1, h2, h3, h4, p, li, blockquote, pre"))
    .map((el) => collapse(el.textContent ?? ""))
    .filter((text) => text.length > 0);
  return blocks.length > 0 ? blocks : [collapse(document.body?.textContent ?? "")].filter(Boolean);
}

/** "SEC approves ETFs | CoinNews" -> "SEC approves ETFs" when the site is CoinNews. */
function withoutSiteSuffix(title: string, site: string): string {
  if (!site) return title;
  for (const sep of [" | ", " - ", " — ", " – ", " · "]) {
    if (title.endsWith(`${sep}${site}`)) return title.slice(0, -(sep.length + site.length));
  }
  return title;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function clip(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  const cut = text.slice(0, MAX_TEXT_CHARS);
  const end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("\n"));
  return end > MAX_TEXT_CHARS / 2 ? cut.slice(0, end + 1) : cut;
}
