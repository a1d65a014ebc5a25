import type { Prepared } from "./prepare";

/** Why a message was read as a question or as a headline. */
export type ShapeSignal =
  | "question_mark"
  | "interrogative"
  | "asks_meaning"
  | "speaks_as_i_or_you"
  | "asks_advice"
  | "lowercase_start"
  | "short"
  | "headline_opener"
  | "lede_after_question"
  | "figures"
  | "attribution"
  | "names"
  | "hashtags"
  | "channel_footer"
  | "long_text";

/** How much a message looks like a question put to RVX versus a news headline or post. */
export interface Shape {
  /** It is phrased as a question or a request to explain. */
  readonly asks: boolean;
  readonly question: number;
  readonly headline: number;
  readonly signals: readonly ShapeSignal[];
}

// Question words open a question with or without "?"; auxiliaries ("Do Kwon sentenced…") only with it.
const QUESTION_WORD =
  /^(?:what|what's|whats|how|why|who|whom|whose|where|when|which|что|чем|как|какой|какая|какое|какие|каким|каких|зачем|почему|кто|где|когда|куда|откуда|сколько|чей|можешь|можете|could you|can you)(?![\p{L}])/iu;
const AUXILIARY =
  /^(?:is|are|am|can|could|should|would|will|do|does|did|has|have|was|were|можно|стоит|нужно|надо|правда|есть ли)(?![\p{L}])/iu;
// An auxiliary before a pronoun ("is it bad…", "should I…") or «ли» after a word that is not a
// verb ("плохо ли…") asks even without "?".
const PRONOUN_QUESTION =
  /^(?:(?:is|are|was|can|could|should|would|will|do|does|did)\s+(?:i|it|you|we|this|that|there)(?![\p{L}'])|(?!\p{L}+(?:ет|ит|ут|ют|ат|ят|ется|ится|утся|ятся)\s)\p{L}+\s+ли(?![\p{L}]))/iu;
// "What's next for…", "что дальше": a headline's teaser, not a request for a definition.
const TEASER =
  /\bwhat(?:'s| is)? (?:next|behind|driving|ahead)\b|(?<![\p{L}])что (?:дальше|ждёт|ждет|стоит за)(?![\p{L}])/iu;
const ASKS_MEANING = new RegExp(
  [
    "\\bwhat(?:'s|s| is| are| does| do)\\b",
    "\\bmeans?\\b",
    "\\bmeaning\\b",
    "\\bexplain",
    "\\btell me\\b",
    "\\bdefine\\b",
    "\\bdifferen(?:ce|t)\\b",
    "\\bsame as\\b",
    "\\beli5\\b",
    "\\bhow (?:do|does|can|to|many|much)\\b",
    "\\bwho is\\b",
    "(?<![\\p{L}])(?:что такое|что значит|что означает|что это|кто такой|кто такая|объясн\\p{L}*|поясн\\p{L}*|расска\\p{L}*|подска\\p{L}*|разниц\\p{L}*|отлича\\p{L}*|то же самое|зачем нуж\\p{L}*|сколько (?:всего|стоит))",
    "(?<![\\p{L}])как (?:купить|работает|работают|начать|сбросить|хранить|зарабатыва\\p{L}*|устроен\\p{L}*|пользоваться|получить|вывести|продать|безопасно|мне|понять|отличить|распознать)",
  ].join("|"),
  "iu",
);
const PERSON =
  /(?<![\p{L}])(?:i|i'm|im|i've|i'd|me|my|mine|you|your|u|я|мне|меня|мой|моя|моё|мои|моих|ты|тебя|тебе|тобой|вы|вас|вам|ваш\p{L}*)(?![\p{L}'])/iu;
const ADVICE =
  /\b(?:should i|can i|is it safe|is it worth|do i (?:need|have)|how do i|safe|legit|worth it)\b|(?<![\p{L}])(?:стоит ли|можно ли|нужно ли|надо ли|безопасно ли|надёжн\p{L}*|надежн\p{L}*)(?![\p{L}])/iu;
// "Will the SEC approve…?", "Can Dogecoin hold…?": a speculative headline, not a user asking.
const HEADLINE_OPENER_EN =
  /^(?:will|could|can|is|are|has|have|does|did|would)\s+(?!(?:i|i'm|you|we|it|my|your|me|this|that|there|anyone|u|he|she|they)\b)\S/iu;
// "Одобрит ли SEC…?", "Удержит ли Dogecoin…?": a verb with «ли» opening the line.
const HEADLINE_OPENER_RU =
  /^(?!(?:стоит|можно|нужно|надо|есть|правда|безопасно)\s)\p{L}+(?:ет|ит|ут|ют|ат|ят|ется|ится|утся|ятся)\s+ли(?![\p{L}])/iu;
const FIGURES =
  /[$€₽£]\s?\d|\d\s?[$€₽£]|\d\s?%|\d(?:[.,]\d+)?\s?(?:million|billion|trillion|млн|млрд|трлн|тыс)(?![\p{L}])|\d[.,]?\d*\s?[kmb](?![\p{L}])/iu;
const ATTRIBUTION =
  /\b(?:analysts?|according to|says|said|reports?|reported|sources?|announced|data shows)\b|(?<![\p{L}])(?:аналитик\p{L}*|по данным|заявил\p{L}*|сообщ\p{L}*|по словам|источник\p{L}*|объявил\p{L}*)(?![\p{L}])/iu;
const NAME = /^(?:\p{Lu}{2,}|\p{Lu}\p{Ll}+)/u;
const LEADING_FILLER =
  /^(?:(?:hey|hi|hello|so|ok|okay|well|and|also|quick question|привет|здравствуйте|слушай|скажи|а|ну|и|ещё|еще|кстати|вопрос)[\s,!:.—-]+)+/iu;

function namesAfterFirstWord(body: string): number {
  let count = 0;
  for (const sentence of body.split(/[.!?\n:]+/)) {
    const tokens = sentence.trim().split(/\s+/).slice(1);
    for (const t of tokens) if (NAME.test(t)) count++;
  }
  return count;
}

/** Reads the shape of a message: question put to RVX, or headline/post. */
export function readShape(p: Prepared): Shape {
  const signals: ShapeSignal[] = [];
  const body = p.body.replace(LEADING_FILLER, "");
  const sentences = body
    .split(/(?<=[.!?\n:])\s*/)
    .map((s) => s.replace(LEADING_FILLER, "").trim())
    .filter(Boolean);
  let question = 0;
  let headline = 0;
  const add = (signal: ShapeSignal, toQuestion: number, toHeadline: number) => {
    signals.push(signal);
    question += toQuestion;
    headline += toHeadline;
  };
  const qmark = body.includes("?");
  const interrogative = sentences.some(
    (s) =>
      QUESTION_WORD.test(s) ||
      PRONOUN_QUESTION.test(s) ||
      ((s.endsWith("?") || /^\p{Ll}/u.test(s)) && AUXILIARY.test(s)),
  );
  const meaning = p.words.length <= 25 && ASKS_MEANING.test(body) && !TEASER.test(body);
  if (meaning) add("asks_meaning", 3, 0);
  if (qmark) add("question_mark", 1, 0);
  if (interrogative) add("interrogative", 1, 0);
  if (PERSON.test(body)) add("speaks_as_i_or_you", 2, 0);
  if (ADVICE.test(body)) add("asks_advice", 2, 0);
  if (/^\p{Ll}/u.test(body)) add("lowercase_start", 1, 0);
  if (p.words.length <= 12) add("short", 1, 0);
  // Headlines start with a capital; "is staking eth risky" is someone typing.
  const capital = /^\p{Lu}/u.test(body);
  if (capital && (HEADLINE_OPENER_EN.test(body) || HEADLINE_OPENER_RU.test(body))) {
    add("headline_opener", 0, 2);
  }
  if (qmark) {
    const after = body.slice(body.lastIndexOf("?") + 1).trim();
    if (after.split(/\s+/).filter(Boolean).length >= 4) add("lede_after_question", 0, 3);
  }
  if (FIGURES.test(body)) add("figures", 0, 1);
  if (ATTRIBUTION.test(body)) add("attribution", 0, 1);
  if (namesAfterFirstWord(body) >= 2) add("names", 0, 1);
  if (p.hashtags > 0) add("hashtags", 0, 1);
  if (p.footer) add("channel_footer", 0, 1);
  if (p.words.length > 40) add("long_text", 0, 2);
  return { asks: qmark || interrogative || meaning, question, headline, signals };
}
