import type { Prepared } from "./prepare";

// Words that make up greetings, thanks, agreement, farewells and chit-chat, in both languages.
// A message made only of these (and emoji) is small talk.
const SMALLTALK_WORDS = new Set(
  `hi hello again hey gm gn best the you're youre heya hiya yo sup greetings good morning afternoon evening night day there all
  thanks thank cheers many alright thx ty tnx tysm you so much a lot very really that was it's its is helpful
  useful ok okay okey k kk cool nice great awesome super perfect wow lol lmao rofl got it
  understood clear yes yeah yep yup no nope sure fine bye goodbye see ya later tomorrow soon cya
  how are doing what's whats up job well done bot buddy man mate friend welcome everyone everybody guys folks np :) :(
  привет приветик приветики лучший снова друг дружище здарова здаров приветствую здравствуй здравствуйте хай хей здорово добрый доброе утро день
  вечер ночи спокойной спасибо благодарствую спс пасиб пасибо благодарю большое огромное очень помогло
  понятно ясно понял поняла ок окей ладно хорошо норм нормально круто класс классно супер
  отлично да нет ага угу пока до завтра свидания встречи как дела делишки ты вы бот молодец
  лол ого вау всем ребята народ всё все ну и тебе вам`
    .split(/\s+/)
    .filter(Boolean),
);
const LAUGH = /^(?:а?(?:ха)+х?|a?(?:ha)+h?|(?:he)+|(?:хе)+|ы+)$/u;

// Greetings and thanks anchor a short message as small talk even with words not listed above
// ("hi, nice to meet you", "спасибки").
const ANCHOR =
  /^(?:hi|hello|hey|thanks?|thx|ty|gm|привет\p{L}*|здравств\p{L}*|спасиб\p{L}*|благодар\p{L}*|пока)$/u;

/** True for greetings, thanks, "ok", laughter and emoji-only messages. */
export function isSmalltalk(p: Prepared): boolean {
  if (p.urls.length > 0 || p.hashtags > 0) return false;
  if (p.words.length === 0) return true;
  if (p.words.length > 8) return false;
  const words = p.words.map((w) => w.toLowerCase());
  if (words.length <= 5 && words.some((w) => ANCHOR.test(w)) && !p.body.includes("?")) return true;
  return p.words.every((w) => {
    // "hiii", "спасибооо": a stretched word is the same word.
    const lower = w
      .toLowerCase()
      .replace(/[’]/g, "'")
      .replace(/(\p{L})\1{2,}/gu, "$1");
    return SMALLTALK_WORDS.has(lower) || LAUGH.test(lower);
  });
}
