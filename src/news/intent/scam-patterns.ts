import type { ScamSignalId } from "./scam-signal-ids";

// The patterns behind each scam sign: a data table (the ids and the rule live in scam-signals.ts).

// A clause: the matched pieces must sit in one sentence or line ("0.5" does not end one).
const C = "(?:[^.!?\\n]|(?<=\\d)[.,](?=\\d))";
const re = (source: string): RegExp => new RegExp(source, "iu");

const SEND =
  "(?<!\\p{L})(?:send|sent|deposit|transfer|move|отправ\\p{L}*|перевед\\p{L}*|перевод\\p{L}*|скин\\p{L}*|вложи\\p{L}*|внес\\p{L}*|внеси)";
// Asked of the reader (imperative or infinitive), not told ("I sent ETH to the wrong address").
const SEND_ASK =
  "(?<!\\p{L})(?:send|deposit|transfer|move|отправь|отправьте|отправить|отправляй|переведи|переведите|перевести|скинь|скиньте|скинуть|вложи|вложите|вложить|внеси|внесите|внести|пришли|пришлите)(?!\\p{L})";
const GET =
  "(?<!\\p{L})(?:get|receive|we(?:'ll| will) send|получи\\p{L}*|верн\\p{L}*|отправим|пришл[её]м|вышлем)";
const MORE =
  "(?:back|double|x ?2|2x|twice|bonus|обратно|вдвое|в (?:2|два) раза|х ?2|больше|бонус\\p{L}*)";
// Promises to send back (more) by themselves: "we'll send back 1 ETH", "мы вернём 1 ETH".
const RETURN_MORE =
  "(?<!\\p{L})(?:(?:i|we)(?:'ll| will) (?:send|return|give)(?: it| you| them)? back|(?:i|we)(?:'ll| will) return|верну|верн[её]м|отдам|отдадим|отправим обратно|вернут)(?!\\p{L})";
const SECRET =
  "(?:seed ?phrase|seed words|recovery phrase|secret (?:recovery )?phrase|(?:recovery|secret) words|mnemonic|private key|\\d\\d[ -](?:\\p{L}+ )?words?|\\d\\d (?:\\p{L}+ )?слов\\p{L}*|сид[ -]?фраз\\p{L}*|фраз\\p{L}* восстановлени\\p{L}*|слов\\p{L}* восстановлени\\p{L}*|секретн\\p{L}* фраз\\p{L}*|мнемони\\p{L}*|приватн\\p{L}* ключ\\p{L}*|seed)";
const ASK_EN =
  "(?:send|share|enter|entering|provide|submit|submitting|type|give|import|paste|tell|input|dm|confirm|verify|validate)";
const ASK_RU =
  "(?:пришли|пришлите|отправь|отправьте|скинь|скиньте|введи|введите|введя|укажи|укажите|указав|сообщи|сообщите|вставь|вставьте|импортируй|импортируйте|предоставь|предоставьте|дай|дайте|напиши|напишите|подтверди|подтвердите)";

/** A wallet address: EVM, Bitcoin (bech32 and legacy), Tron, TON. */
export const ADDRESS =
  /(?<![\p{L}\p{N}])(?:0x[0-9a-fA-F]{40}|bc1[0-9a-z]{20,60}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|T[1-9A-HJ-NP-Za-km-z]{33}|[EU]Q[A-Za-z0-9_-]{46})(?![\p{L}\p{N}])/u;

/**
 * Sending to an address asked of the reader ("send it to my wallet", "переведите на этот адрес"),
 * not reported ("Mt. Gox transferred 10,000 BTC to 1Ax…").
 */
export const TO_ADDRESS =
  /(?:to|into|на)\s+(?:this|my|our|the following|the new|new|этот|мой|наш|следующий|новый)\s+(?:\p{L}+\s+)?(?:address|wallet|адрес|кош[её]л)|(?<!\p{L})(?:send|transfer|отправьте|отправь|переведите|переведи)\s+(?:\S+\s+){0,4}(?:to|на)\s+(?:\p{L}+\s+)?(?:address|wallet|адрес|кош[её]л)|(?:^|[.!?\n]\s*|please\s+|pls\s+|пожалуйста,?\s+)(?:send|transfer|move|deposit|return|отправьте|отправь|переведите|переведи|верните|верни)(?!\p{L})/iu;

/**
 * A contact off the platform: a handle, a hyphenated look-alike domain, WhatsApp, "DM". Read on
 * the text without channel footers, where a handle is only the channel's signature.
 */
export const OFF_PLATFORM =
  /@\w{4,}|(?<![\p{L}\p{N}.])[a-z0-9]+-[a-z0-9-]+\.(?:io|app|live|net|com|xyz|org|site|online|info|pro|top)(?![\p{L}\p{N}])|\bwhatsapp\b|ватсап|\bdm\b|в личку|в лс/iu;

/** Each sign with the patterns that show it; a sign may have several rows. */
export const DETECTORS: readonly (readonly [ScamSignalId, RegExp])[] = [
  // Strong signs: one is enough.
  ["multiplies_what_you_send", re(`${SEND_ASK}${C}{0,90}${GET}${C}{0,50}${MORE}`)],
  ["multiplies_what_you_send", re(`${SEND_ASK}${C}{0,90}${RETURN_MORE}`)],
  [
    "multiplies_what_you_send",
    re(
      "(?:doubl|tripl)\\w*\\s+(?:all|every|any|your|ur)\\b|(?:doubled|tripled)\\s+my\\b|(?:receive|get)\\s+double|(?:удво|утро|удваива|утраива)\\p{L}*\\s+(?:все|любые|любой|каждый|ваш|тво)\\p{L}*|(?:удвоил|утроил)\\p{L}*\\s+(?:мо|сво)\\p{L}*",
    ),
  ],
  [
    "multiplies_what_you_send",
    re("turn\\s+your\\s+\\S+\\s+into|(?:сделаю|превращу|сделаем)\\s+из\\s+(?:ваш|тво)"),
  ],
  [
    "asks_for_seed_phrase",
    re(`\\b${ASK_EN}\\s+(?:(?:us|me|him|the admin)\\s+)?(?:your|ur)\\b${C}{0,30}${SECRET}`),
  ],
  ["asks_for_seed_phrase", re(`${ASK_RU}${C}{0,40}${SECRET}`)],
  [
    "fake_support",
    re(
      `(?:support|help ?desk|customer service|поддержк\\p{L}*)${C}{0,40}(?:@\\w{4,}|whatsapp|ватсап|\\+\\d)`,
    ),
  ],
  [
    "fake_support",
    re(
      "(?:write|contact|message|dm|reach|text|via|through)\\s+(?:to\\s+)?(?:our|the)\\s+(?:\\S+\\s+)?(?:support|help ?desk|admin|agent|manager)\\S*\\s+@\\w|(?:напиш|обратит|свяжит)\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}?(?:поддержк|хелпдеск|админ|менеджер|агент)\\p{L}*[^.\\n]{0,20}@\\w|(?:через|к|у)\\s+наш\\p{L}*\\s+(?:агент|менеджер|поддержк|специалист)\\p{L}*[^.\\n]{0,20}@\\w",
    ),
  ],
  [
    "asks_to_verify_wallet",
    re(
      "(?:validate|verify|sync|synchronize|rectify|restore|reactivate)\\s+your\\s+(?:\\S+\\s+){0,2}?wallet",
    ),
  ],
  [
    "asks_to_verify_wallet",
    re(
      "(?:подтверд|верифицир|синхронизир|валидир|восстанов|активир)\\p{L}*(?:те|и|й)\\s+(?:ваш\\p{L}*\\s+|сво\\p{L}*\\s+)?(?:\\p{L}+\\s+){0,2}?(?:кош[её]л|wallet)|пройд\\p{L}*\\s+(?:верификац|проверк|валидац)\\p{L}*\\s+кош[её]л",
    ),
  ],
  // "Connect wallet" next to something free to claim, in either order.
  [
    "asks_to_verify_wallet",
    re(
      "connect\\s+(?:your\\s+)?wallet[\\s\\S]{0,200}(?:claim|receive|get|reward|free|bonus|airdrop|gift)|(?:claim|reward|free|bonus|airdrop|gift)[\\s\\S]{0,200}connect\\s+(?:your\\s+)?wallet",
    ),
  ],
  [
    "asks_to_verify_wallet",
    re(
      "подключ\\p{L}*\\s+кош[её]л\\p{L}*[\\s\\S]{0,200}(?:забрать|получить|награ|бесплатн|бонус|аирдроп|подар)|(?:забер|забрать|награ|бесплатн|бонус|аирдроп|подар)\\p{L}*[\\s\\S]{0,200}подключ\\p{L}*\\s+кош[её]л",
    ),
  ],
  [
    "asks_to_sign_transaction",
    re(
      "(?:^|[.!?:\\n]\\s*)(?:approve|sign|confirm|подтвердите|подтверди|подпишите|подпиши)\\s+(?:the\\s+|this\\s+)?(?:\\p{L}+\\s+)?(?:transaction|message|транзакци|сообщени)",
    ),
  ],
  [
    "stranger_profit_pitch",
    re(
      "(?:\\bi (?:made|earned)|я заработал\\p{L}*)[\\s\\S]{0,120}(?:show you|teach you|want me to|покажу|показать тебе|показать вам|научу)",
    ),
  ],
  [
    "upfront_fee",
    re(
      `withdraw${C}{0,40}first\\s+(?:deposit|pay|send|transfer)|(?:deposit|pay|send)\\s+\\S+(?:\\s+\\S+)?\\s+(?:to unlock|for verification)|(?:fee|collateral|deposit)\\s+first`,
    ),
  ],
  [
    "upfront_fee",
    re(
      `вывод\\p{L}*${C}{0,40}сначала\\s+(?:внес|оплат|перевед|отправ)\\p{L}*|(?:внеси|внесите|оплати|оплатите|переведи|переведите)${C}{0,30}(?:на верификацию|для верификации|для разблокировки|за вывод)|сначала\\s+(?:переведи|оплати|внеси|отправь)\\p{L}*`,
    ),
  ],
  // A fee to pay before money is released, in either order.
  [
    "upfront_fee",
    re(
      `(?:pay|оплат\\p{L}*)${C}{0,40}(?:fee|комисси|сбор)\\p{L}*${C}{0,40}(?:release|unlock|withdraw|receive|claim|get|разблок|вывод|получить|забрать)|(?:release|unlock|withdraw|receive|get|claim|разблок|вывод|получить|забрать)\\p{L}*${C}{0,60}(?:pay|оплат)\\p{L}*${C}{0,40}(?:fee|комисси|сбор)`,
    ),
  ],
  [
    "guaranteed_returns",
    re(
      `guarantee\\w*${C}{0,20}(?:profit|return|income|payout|result)|(?:profit|return|income|payout|result)\\w*${C}{0,15}guaranteed|100% guaranteed|risk[- ]free|no risk|zero risk|can'?t lose|cannot lose|earn\\w*\\s+\\$?\\d[\\d,.]*\\s*\\S*\\s+(?:every day|daily|a day|per day|a week|every week)`,
    ),
  ],
  [
    "guaranteed_returns",
    re(
      `гарант\\p{L}*${C}{0,20}(?:доход|прибыл|выплат|результат)|(?:доход|прибыл|выплат|результат)\\p{L}*${C}{0,15}гарант|гаранти\\p{L}* 100|без риска|проиграть невозможно|невозможно проиграть|не проиграешь|получа\\p{L}*\\s+\\$?\\d[\\d ,.]*\\s*\\S*\\s+(?:каждый день|в день|ежедневно|в неделю)`,
    ),
  ],
  [
    "guaranteed_returns",
    re(
      "\\d+(?:[.,]\\d+)?\\s?%\\s*(?:daily|per day|a day|every day|a week|per week|в день|ежедневно|в сутки|в неделю)|(?:daily|ежедневн\\p{L}*)\\s+\\d+(?:[.,]\\d+)?\\s?%",
    ),
  ],
  // A monthly or yearly figure is a scam sign only with a guarantee next to it.
  [
    "guaranteed_returns",
    re(`\\d+\\s?%\\s*(?:a|per|every|в)\\s+(?:month|year|месяц|год)${C}{0,30}(?:guarantee|гарант)`),
  ],
  // "Your tokens will 100x by Friday", "цена будет в 50 раз выше": a promised multiple.
  [
    "guaranteed_returns",
    re(
      "(?:will|gonna|going to)\\s+(?:\\p{L}+\\s+)?\\d+\\s?x(?![\\p{L}])|(?:будет|станет|вырастет|вырастут)\\s+в\\s+\\d+\\s+раз|(?:сделает|даст)\\s+[хx]\\s?\\d+",
    ),
  ],
  [
    "giveaway",
    re(
      `(?:giveaway|giving away|раздач\\p{L}*|розыгрыш\\p{L}*|дарит|дарим)${C}{0,120}(?:send|connect|claim|${SEND}|подключ|забрать)`,
    ),
  ],
  [
    "giveaway",
    re(
      `(?:send|connect|claim|${SEND}|подключ)${C}{0,120}(?:giveaway|раздач\\p{L}*|розыгрыш\\p{L}*)`,
    ),
  ],

  // Weak signs: common on their own; see isScam for how they add up.
  [
    "private_contact",
    re(
      "\\b(?:dm|write|text|message)\\s+(?:me|him|her)\\b|пиш\\p{L}*\\s+(?:мне|ему|ей|в личку|в лс)|в личку",
    ),
  ],
  [
    "urgency",
    re(
      "only the first \\d+|for the first \\d+|first \\d+ (?:users|people|participants)|ends in \\d+|within \\d+\\s?h|within \\d+ (?:minutes|mins|hours)|next hour|today only|last chance|act now|unless you|limited (?:time|offer|spots)|\\d+ (?:spots|places|seats|slots) left|before (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w* \\d|otherwise (?:your )?(?:funds|assets|account)|\\burgent",
    ),
  ],
  [
    "urgency",
    re(
      "осталось \\d+ час|через \\d+ час|в течение \\d+ (?:минут|час)|первым \\d+|для первых \\d+|ближайший час|последний шанс|только сегодня|осталось (?:всего )?\\d+ (?:мест|слот)|до \\d+ (?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)|если (?:вы )?не (?:пройд|подтверд|оплат)|иначе (?:средства|активы|аккаунт)|срочно",
    ),
  ],
  ["insists_not_scam", re("not a scam|no scam|не развод|не скам|не лохотрон|не обман")],
  [
    "lookalike_link",
    re(
      "(?:binance|coinbase|metamask|trust ?wallet|bybit|ledger|wallet|okx|ton)-[\\w-]+\\.(?:io|app|live|net|com|xyz|org|site|online|info)",
    ),
  ],
  [
    "account_threat",
    re(
      "(?:wallet|account)\\s+(?:has been|is|will be)\\s+(?:flagged|blocked|restricted|suspended|deactivated|locked|closed|compromised)|(?:аккаунт|кош[её]л\\p{L}*|счёт|счет)\\s+(?:\\p{L}+\\s+)?(?:заблокирован|ограничен|будет отключ|будет заблокирован|будет закрыт|скомпрометирован)|\\b(?:is|are) stuck\\b|застрял\\p{L}*|will be (?:lost|frozen)|будут (?:потеряны|заморожены)",
    ),
  ],
  [
    "unexpected_prize",
    re(
      "(?:you|your wallet|your account)\\s+(?:have\\s+|has\\s+)?won|lucky draw|(?:ваш|твой)\\p{L}*\\s+(?:\\p{L}+\\s+)?выиграл|вы выиграли|ты выиграл",
    ),
  ],
  [
    "too_good_to_be_true",
    re(
      "\\bfree\\s+\\$?\\d|claim (?:your )?free|no credit check|бесплатн\\p{L}*\\s+\\d|забери\\p{L}* бесплатн|без проверки",
    ),
  ],
  // The anatomy of a scam: each cue is common on its own; three kinds together make one.
  [
    "asks_you_to_act",
    re(
      "(?:^|[.!?:\\n]\\s*|\\b(?:just|please|pls|now)\\s+)(?:send|move|transfer|deposit|invest|pay|rent|join|claim|sign|approve|verify|restore|enter|connect|register|click|tap|grab|complete|submit|unlock|buy now|get rich|start earning)\\b|\\b(?:you|users|everyone|holders)\\s+(?:must|need to|have to)\\s+(?:move|transfer|send|verify|pay|deposit|connect|migrate|confirm)\\b|\\byou (?:send|deposit|invest)\\b",
    ),
  ],
  [
    "asks_you_to_act",
    re(
      "(?:^|[.!?:\\n]\\s*|(?:просто|пожалуйста|срочно|сейчас)\\s+)(?:отправ|перевед|перевест|внес|вклад|влож|оплат|аренд|вступ|забер|забир|подключ|подпиш|подтверд|восстанов|введ|купи|зарегистр|нажм|перейд|разбогате|присоедин|жми|регистрир)\\p{L}*|(?:должны|нужно|необходимо|надо)\\s+(?:перевести|отправить|оплатить|подтвердить|внести|пройти|подключить)|(?:пришл|отправ|перевед|влож)\\p{L}*(?:ёшь|ешь|ишь)(?!\\p{L})",
    ),
  ],
  [
    "promises_gain",
    re(
      "\\b(?:earn\\w*|profits?|get rich|free|bonus|rewards?|refund|compensation|eligible|tripl\\w*|doubl\\w*|passive income|\\d+\\s?x)\\b|(?<!\\p{L})(?:заработ\\p{L}*|прибыл\\p{L}*|разбогат\\p{L}*|бесплатн\\p{L}*|бонус\\p{L}*|наград\\p{L}*|возврат\\p{L}*|компенсац\\p{L}*|положен\\p{L}*|удво\\p{L}*|утро\\p{L}*|пассивн\\p{L}* доход\\p{L}*|каждый день)(?!\\p{L})",
    ),
  ],
  [
    "claims_authority",
    re(
      "\\b(?:attention|official|compliance|security team|support team|dear (?:customer|user|client)|hello sir|account manager|vip manager)\\b|(?<!\\p{L})(?:внимание|официальн\\p{L}*|комплаенс\\p{L}*|служб\\p{L}* безопасност\\p{L}*|уважаем\\p{L}* (?:клиент|пользовател)\\p{L}*|отдел\\p{L}* (?:комплаенс|безопасност)\\p{L}*|менеджер\\p{L}*)(?!\\p{L})",
    ),
  ],
  ["mentions_secret_words", re(SECRET)],
];
