import { analyze } from "../analyzers/offline/analyze";
import { compose } from "../analyzers/offline/compose";
import type { ImageInput } from "../analyzers/provider";
import { answer, type Decision, type Learner } from "../learning/learner";
import { recognizes } from "../news/conversation/recognized";
import type { MessageReply, ReadFrom } from "../news/conversation/reply";
import { type ExplainOptions, imageCacheKey, linkCacheKey } from "../news/explainer";
import type { LinkReading } from "../news/links/read-link";
import { normalizeNews } from "../news/normalize";

/** How a news text was obtained, when not typed: see `news` in createConversation. */
export interface NewsRead extends Pick<ExplainOptions, "key" | "image"> {
  readonly onDelta?: ExplainOptions["onDelta"] | undefined;
  readonly from?: ReadFrom;
}

type News = (state: Learner, text: string, read: NewsRead) => Promise<Decision<MessageReply>>;
type OnDelta = ((textSoFar: string) => void) | undefined;

/**
 * Links and images, answered through the conversation's news rules (`news`): a link's article
 * and a picture are news like a pasted post (quota, XP, repeats), cached under the canonical URL
 * or the image; a link read only from its address is answered offline, for free.
 */
export function createMediaAnswers(news: News) {
  return {
    /** A link the bot layer read: its article is explained; else what its address says. */
    link(state: Learner, reading: LinkReading, onDelta: OnDelta): Promise<Decision<MessageReply>> {
      if (reading.kind === "article") {
        return news(state, reading.news, {
          key: linkCacheKey(reading.canonical, state.lang),
          onDelta,
          from: { kind: "article", title: reading.title },
        });
      }
      return Promise.resolve(addressOnly(state, reading));
    },
    /** A photo or screenshot, with its caption (possibly empty), for a provider that reads images. */
    image(
      state: Learner,
      caption: string,
      image: ImageInput,
      onDelta: OnDelta,
    ): Promise<Decision<MessageReply>> {
      const key = imageCacheKey(image, normalizeNews(caption), state.lang);
      return news(state, caption, { key, image, onDelta, from: { kind: "image" } });
    },
  };
}

/**
 * Only the address was read: the offline analyzer reads its words (the slug, and what little
 * the page gave), shown only when it recognized an event. Spends nothing, earns nothing.
 */
function addressOnly(
  state: Learner,
  reading: Extract<LinkReading, { kind: "address" }>,
): Decision<MessageReply> {
  const text =
    reading.news && recognizes(reading.news, state.lang)
      ? compose(analyze(reading.news, state.lang))
      : undefined;
  return answer<MessageReply>(
    {
      ok: true,
      kind: "link_address",
      ...(reading.failure ? { failure: reading.failure } : {}),
      ...(text ? { text } : {}),
    },
    state,
  );
}
