import type { ScamSignalId } from "./scam-signals";

// The patterns behind each scam sign: a data table (the ids and the rule live in scam-signals.ts).
// A clause: the matched pieces must sit in one sentence or line.
const C = "(?:[^.!?\\n]|(?<=\\d)[.,](?=\\d))";
const re = (source: string): RegExp => new RegExp(source, "iu");

const SEND =
  "(?<!\\p{L})(?:send|sent|deposit|transfer|move|отправ\\p{L}*|перевед\\p{L}*|перевод\\p{L}*|скин\\p{L}*|вложи\\p{L}*|внес\\p{L}*|внеси)";
const GET =
  "(?<!\\p{L})(?:get|receive|we(?:'ll| will) send|получи\\p{L}*|верн\\p{L}*|отправим|пришл[её]м|вышлем)";
const MORE =
  "(?:back|double|x ?2|2x|twice|bonus|обратно|вдвое|в (?:2|два) раза|x ?2|х ?2|больше|бонус\\p{L}*)";
// Promises to send back (more) by themselves: "we'll send back 1 ETH", "мы вернём 1 ETH".
const RETURN_MORE =
  "(?<!\\p{L})(?:(?:i|we)(?:'ll| will) (?:send|return|give)(?: it| you| them)? back|(?:i|we)(?:'ll| will) return|верну|верн[её]м|отдам|отдадим|отправим обратно|вернут)(?!\\p{L})";
const SECRET =
  "(?:seed ?phrase|seed words|recovery phrase|secret (?:recovery )?phrase|mnemonic|private key|\\d\\d[ -](?:\\p{L}+ )?words?|\\d\\d (?:\\p{L}+ )?слов\\p{L}*|сид[ -]?фраз\\p{L}*|фраз\\p{L}* восстановлени\\p{L}*|секретн\\p{L}* фраз\\p{L}*|мнемони\\p{L}*|приватн\\p{L}* ключ\\p{L}*|seed)";
const ASK_EN =
  "(?:send|share|enter|entering|provide|submit|submitting|type|give|import|paste|tell|input|dm|confirm|verify|validate)";
const ASK_RU =
  "(?:пришли|пришлите|отправь|отправьте|скинь|скиньте|введи|введите|введя|укажи|укажите|сообщи|сообщите|вставь|вставьте|импортируй|импортируйте|предоставь|предоставьте|дай|дайте|напиши|напишите|подтверди|подтвердите|указав|введя)";
export const ADDRESS =
  /(?<![\p{L}\p{N}])(?:0x[0-9a-fA-F]{40}|bc1[0-9a-z]{20,60}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|T[1-9A-HJ-NP-Za-km-z]{33}|[EU]Q[A-Za-z0-9_-]{46})(?![\p{L}\p{N}])/u;

// Asked of the reader ("send it to my wallet", "переведите на этот адрес"), not reported
// ("Mt. Gox transferred 10,000 BTC to 1Ax…").
export const TO_ADDRESS =
  /(?:to|into|на)\s+(?:this|my|our|the following|этот|мой|наш|следующий)\s+(?:\p{L}+\s+)?(?:address|wallet|адрес|кош[её]л)|(?:^|[.!?\n]\s*|please\s+|pls\s+|пожалуйста,?\s+)(?:send|transfer|move|deposit|return|отправьте|отправь|переведите|переведи|верните|верни)(?!\p{L})/iu;

export const DETECTORS: readonly (readonly [ScamSignalId, RegExp])[] = [
  [
    "unexpected_prize",
    re(
      "(?:you|your wallet|your account)\\s+(?:have\\s+|has\\s+)?won|lucky draw|(?:ваш|твой)\\p{L}*\\s+(?:\\p{L}+\\s+)?выиграл|вы выиграли|ты выиграл",
    ),
  ],
  ["multiplies_what_you_send", re(`${SEND}${C}{0,90}${GET}${C}{0,50}${MORE}`)],
  ["multiplies_what_you_send", re(`${SEND}${C}{0,90}${RETURN_MORE}`)],
  ["multiplies_what_you_send", re("doubl\\w*\\s+(?:your|my|ur)\\b|(?:receive|get)\\s+double")],
  ["multiplies_what_you_send", re("удво\\p{L}*\\s+(?:ваш|тво|мо|сво)\\p{L}*")],
  [
    "multiplies_what_you_send",
    re("doubl\\w*\\s+(?:all|every|any)\\b|удваива\\p{L}*\\s+(?:все|любые|каждый)"),
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
      "(?:write|contact|message|dm|reach|text)\\s+(?:to\\s+)?(?:our|the)\\s+(?:\\S+\\s+)?(?:support|help ?desk|admin|agent|manager)\\S*\\s+@\\w|(?:напиш|обратит|свяжит)\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}?(?:поддержк|хелпдеск|админ|менеджер|агент)\\p{L}*[^.\\n]{0,20}@\\w",
    ),
  ],
  [
    "asks_to_verify_wallet",
    re(
      "(?:validate|verify|sync|synchronize|rectify|restore|reactivate)\\s+your\\s+(?:\\S+\\s+){0,2}?wallet",
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
      "(?:подтверд|верифицир|синхронизир|валидир|восстанов|активир)\\p{L}*(?:те|и|й)\\s+(?:ваш\\p{L}*\\s+|сво\\p{L}*\\s+)?(?:\\p{L}+\\s+){0,2}?(?:кош[её]л|wallet)|пройд\\p{L}*\\s+(?:верификац|проверк|валидац)\\p{L}*\\s+кош[её]л",
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
      "(?:^|[.!?:\\n]\\s*)(?:approve|sign|confirm|подтвердите|подтверди|подпишите|подпиши)\\s+(?:the\\s+|this\\s+)?(?:\\p{L}+\\s+)?(?:transaction|транзакци)",
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
      `withdraw${C}{0,40}first\\s+(?:deposit|pay|send|transfer)|(?:deposit|pay|send)\\s+\\S+(?:\\s+\\S+)?\\s+(?:to unlock|for verification)`,
    ),
  ],
  [
    "upfront_fee",
    re(
      `вывод\\p{L}*${C}{0,40}сначала\\s+(?:внес|оплат|перевед|отправ)\\p{L}*|(?:внеси|внесите|оплати|оплатите|переведи|переведите)${C}{0,30}(?:на верификацию|для верификации|для разблокировки|за вывод)`,
    ),
  ],
  [
    "upfront_fee",
    re(
      `(?:pay|оплат\\p{L}*)${C}{0,40}(?:fee|комисси\\p{L}*)${C}{0,40}(?:release|unlock|withdraw|receive|claim|get|разблок|вывод|получить|забрать)`,
    ),
  ],
  [
    "upfront_fee",
    re(
      `(?:release|unlock|withdraw|разблок|вывод)\\p{L}*${C}{0,60}(?:pay|оплат)\\p{L}*${C}{0,40}(?:fee|комисси)|(?:fee|collateral|deposit)\\s+first|сначала\\s+(?:переведи|оплати|внеси|отправь)\\p{L}*`,
    ),
  ],
  [
    "guaranteed_returns",
    re(
      `guarantee\\w*${C}{0,20}(?:profit|return|income|payout)|(?:profit|return|income|payout)\\w*${C}{0,15}guaranteed|100% guaranteed|risk[- ]free|no risk|zero risk`,
    ),
  ],
  [
    "guaranteed_returns",
    re(
      `гарант\\p{L}*${C}{0,20}(?:доход|прибыл|выплат)|(?:доход|прибыл|выплат)\\p{L}*${C}{0,15}гарант|гаранти\\p{L}* 100|без риска`,
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
  // "Your tokens will 100x by Friday", "токены вырастут в 100 раз": a promised multiple.
  [
    "guaranteed_returns",
    re(
      "(?:will|gonna|going to)\\s+(?:\\p{L}+\\s+)?\\d+\\s?x(?![\\p{L}])|вырастут\\s+в\\s+\\d+\\s+раз|(?:сделает|даст)\\s+[хx]\\s?\\d+",
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
  [
    "private_contact",
    re(
      "\\b(?:dm|write|text|message)\\s+(?:me|him|her)\\b|пиш\\p{L}*\\s+(?:мне|ему|ей|в личку|в лс)|в личку",
    ),
  ],
  [
    "urgency",
    re(
      "only the first \\d+|for the first \\d+|first \\d+ (?:users|people|participants)|ends in \\d+|within \\d+\\s?h|next hour|today only|last chance|otherwise (?:your )?(?:funds|assets|account)|\\burgent|осталось \\d+ час|через \\d+ час|первым \\d+|для первых \\d+|ближайший час|последний шанс|иначе (?:средства|активы|аккаунт)|срочно",
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
      "(?:wallet|account)\\s+(?:has been|is|will be)\\s+(?:flagged|blocked|restricted|suspended|deactivated|locked)|(?:аккаунт|кош[её]л\\p{L}*|счёт|счет)\\s+(?:\\p{L}+\\s+)?(?:заблокирован|ограничен|будет отключ|будет заблокирован)|\\b(?:is|are) stuck\\b|застрял\\p{L}*|will be (?:lost|frozen)|будут (?:потеряны|заморожены)",
    ),
  ],
  [
    "too_good_to_be_true",
    re(
      "\\bfree\\s+\\$?\\d|claim (?:your )?free|no credit check|бесплатн\\p{L}*\\s+\\d|забери\\p{L}* бесплатн|без проверки",
    ),
  ],
  [
    "official_claim",
    re(
      "\\bofficial\\b|dear (?:customer|user|client)|hello sir|уважаем\\p{L}* (?:клиент|пользовател)|официальн\\p{L}*",
    ),
  ],
];
