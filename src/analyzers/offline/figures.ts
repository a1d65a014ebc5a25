// Links and @handles often carry words ("bitcoin-etf-hack") that say nothing about the post.
const NOISE = /(?:https?:\/\/|www\.|t\.me\/)\S+|@[\w.]+/giu;
const LINK = /(?:https?:\/\/|www\.)[^\s/]+(\/\S*)/giu;
const NUM = String.raw`\d{1,3}(?:[ \u00a0,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const SCALE = String.raw`(?:trillion|billion|million|thousand|bn|mln|mn|[kmb]|трлн|млрд|млн|тыс\.?|миллиард\p{L}*|миллион\p{L}*)`;
const CURRENCY = String.raw`(?:USDT|USDC|USD|BTC|ETH|SOL|XRP|TON|BNB|dollars?|долл\p{L}*|руб\p{L}*|евро|euros?|[$€₽])`;
const NOT_MID_NUMBER = String.raw`(?<![\p{L}\p{N}.,])`;
/** A percentage as written: "+12%", "-3,5%", "12 процентов". */
export const PERCENT = new RegExp(
  String.raw`${NOT_MID_NUMBER}[+\-−–]?(?:${NUM})\s?(?:%|процент\p{L}*|percent)`,
  "giu",
);
// "$200 million", "$5B"
const PREFIXED = String.raw`[$€₽]\s?(?:${NUM})(?:\s?${SCALE}(?!\p{L}))?`;
// "200 млн долларов", "1,000 BTC"
const SUFFIXED = String.raw`(?:${NUM})(?:\s?${SCALE})?\s?${CURRENCY}(?!\p{L})`;
/** A sum as written: "$200 million", "200 млн долларов", "1,000 BTC". */
export const AMOUNT = new RegExp(`${NOT_MID_NUMBER}(?:${PREFIXED}|${SUFFIXED})`, "giu");

/**
 * The text to analyze: links and @handles removed; a post that is only a link is read from
 * the link's path ("…/sec-approves-spot-bitcoin-etfs").
 */
export function readable(text: string): string {
  const normal = text.normalize("NFC");
  const clean = normal.replace(NOISE, " ");
  if (/\p{L}{3,}/u.test(clean)) return clean;
  const paths = [...normal.matchAll(LINK)].map((m) => m[1] ?? "");
  return paths
    .join(" ")
    .replace(/[/_\-.?=&#]+/gu, " ")
    .replace(/\b\d+\b/gu, " ");
}
