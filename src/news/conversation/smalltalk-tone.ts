/** What a small-talk message is, so the reply fits it: a greeting, thanks, or anything else. */
export type SmalltalkTone = "greeting" | "thanks" | "other";

// \b is ASCII-only: whole words are marked with letter lookarounds, which work for Cyrillic too.
const THANKS =
  /спасиб|благодар|(?<!\p{L})спс(?!\p{L})|пасиб|thank|(?<!\p{L})(?:thx|ty|tysm|tnx|cheers)(?!\p{L})|🙏/iu;
const GREETING =
  /привет|здравствуй|здаров|(?<!\p{L})(?:добр(?:ый|ое|ой)|хай|хей|hi+|hello|hey|heya|hiya|gm|yo|greetings)(?!\p{L})|good (?:morning|afternoon|evening|day)|👋/iu;

/** The tone of a small-talk message (thanks wins over a greeting: "hi, thanks!"). */
export function smalltalkTone(text: string): SmalltalkTone {
  if (THANKS.test(text)) return "thanks";
  if (GREETING.test(text)) return "greeting";
  return "other";
}
