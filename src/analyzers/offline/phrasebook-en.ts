import type { Phrasebook } from "./phrasebook";

/** English texts of offline answers. No investment actions, no predictions (see corpus test). */
export const EN: Phrasebook = {
  label: "Offline analysis (no AI)",
  about: "What it's about:",
  also: ", and also ",
  why: "Why it matters:",
  holder: "What it means for you:",
  inText: "In the post:",
  figures: "figures:",
  exchange: "exchange",
  terms: "Terms:",
  unknownEvent: "I couldn't tell what kind of event this is, so I won't guess.",
  checkSource: "Check the original source and date before acting on it.",
  termsOnly: "I didn't find a specific news event here, but I can explain the terms.",
  scamWarning: "⚠️ Warning: this looks like a scam.",
  scamSigns: "Signs:",
  offtopic: [
    "This doesn't look like crypto news: I found no coins, exchanges or crypto terms in it.",
    "RVX explains crypto news. Send the text of a post about a coin, an exchange, a hack, new rules or an ETF, and I'll explain what it means for you.",
  ],
  price: { up: "a price rise", down: "a price drop", mixed: "price moves" },
  flow: {
    in: "money flowing into crypto ETFs (inflows)",
    out: "money leaving crypto ETFs (outflows)",
    mixed: "money moving in and out of crypto ETFs",
  },
  flowWhy: {
    in: "Inflows mean fund investors put more money in, so the funds had to acquire more coins to back their shares.",
    out: "Outflows mean fund investors took money out, so the funds gave up some of the coins behind their shares.",
    mixed: "Flows show how much money fund investors put in or took out over a day or a week.",
  },
  events: {
    scam: {
      about: "a scam",
      why: "Scams copy the look of real projects, people and support; crypto sent to a scammer can almost never be returned.",
      holder:
        "Don't send anything, don't connect your wallet and never type your seed phrase or a login code: real giveaways and real support never ask for that.",
    },
    hack: {
      about: "a hack or theft of funds",
      why: "Stolen crypto is rarely recovered quickly, and the platform may pause withdrawals while it investigates.",
      holder:
        "If you use this platform, follow only its official channels and never share your seed phrase with anyone offering “help”.",
    },
    bankruptcy: {
      about: "a bankruptcy or a freeze on withdrawals",
      why: "When a platform freezes withdrawals or goes bankrupt, its customers become creditors: getting money back can take years, and not always in full.",
      holder:
        "If you have funds there, keep your balance records and follow only the official site; “fund recovery” offers are a common scam.",
    },
    depeg: {
      about: "a stablecoin losing its peg to the dollar",
      why: "A stablecoin is worth $1 only while people trust its reserves or its mechanism; when that trust breaks, the price can fall fast.",
      holder:
        "If you hold this stablecoin, rely on the issuer's official statements about reserves and redemptions, not on screenshots in chats.",
    },
    crime: {
      about: "crypto crime, sanctions or an arrest",
      why: "Blockchain transfers are public, so investigators can follow stolen or laundered funds and ask exchanges to freeze them.",
      holder:
        "Use only services that are legal where you live: exchanges can freeze funds that came through a sanctioned service.",
    },
    etf: {
      about: "an exchange-traded fund (ETF) on crypto",
      why: "An ETF lets people get exposure through an ordinary brokerage account, while the fund holds the coins for them.",
      holder:
        "The coin itself does not change: an ETF is one more way to own it, through a broker and with yearly fees.",
    },
    etf_flows: {
      about: "money moving through crypto ETFs",
      why: "Flows show how much money fund investors put in or took out over a day or a week.",
      holder:
        "Nothing changes for coins you hold yourself; flows swing from day to day and say nothing certain about the future.",
    },
    court_ruling: {
      about: "a court decision (a verdict, sentence or ruling)",
      why: "A verdict or ruling is an outcome, unlike a lawsuit, which is only an accusation; it can guide similar cases.",
      holder:
        "A decision can often be appealed; check what the court actually decided in official reports, not in headlines.",
    },
    settlement: {
      about: "a settlement that ends a legal case",
      why: "In a settlement the sides agree to end the case, usually with a payment and conditions; it is a deal, not a court verdict.",
      holder:
        "Read the terms in the official announcement: they say what the company must pay or stop doing.",
    },
    lawsuit: {
      about: "a lawsuit or charges",
      why: "A lawsuit is an accusation, not a verdict; such cases often take months or years.",
      holder:
        "Nothing is decided yet: follow court decisions and official statements rather than rumours.",
    },
    regulation: {
      about: "crypto regulation (rules, bans, licences)",
      why: "Rules decide which crypto services may work in a country and what they must check, such as customers' identity.",
      holder:
        "New rules usually take effect with a delay; watch for notices from your exchange or wallet for users in your country.",
    },
    cbdc: {
      about: "a central bank digital currency (CBDC)",
      why: "It gives the state a new, digital form of its money; privacy and control depend on each country's law.",
      holder:
        "A CBDC is not a cryptocurrency: it is issued and controlled by the central bank, not by a decentralized network.",
    },
    listing: {
      about: "a coin listing on an exchange",
      why: "A listing means the coin can now be traded on that exchange; prices often swing sharply around listings.",
      holder:
        "Check the ticker and the token contract in the exchange's own announcement: fake tokens with the same name are common.",
    },
    delisting: {
      about: "a coin being delisted from an exchange",
      why: "After a delisting the exchange stops trading the coin, and later it may close withdrawals too.",
      holder:
        "If you keep this coin on that exchange, find the deadline in the announcement and withdraw it to your own wallet in time.",
    },
    airdrop: {
      about: "an airdrop (a token giveaway)",
      why: "Projects hand out tokens to early users to spread ownership; fake airdrop sites are among the most common scams.",
      holder:
        "Claim only through links on the project's official site, never pay to receive tokens and never enter your seed phrase.",
    },
    unlock: {
      about: "a token unlock",
      why: "An unlock releases tokens held back for the team or investors, so more coins can be traded at once.",
      holder:
        "Nothing happens to tokens you already hold; projects usually publish their unlock schedules in advance.",
    },
    outage: {
      about: "an outage: a network or an exchange stopped working",
      why: "Networks and exchanges sometimes stop because of bugs or overload; transfers and trades wait until they restart.",
      holder:
        "Follow only the official status page and ignore “support” that writes to you first offering to fix it.",
    },
    halving: {
      about: "a halving of the mining reward",
      why: "A halving cuts the reward miners get for new blocks in half, so new coins appear more slowly; it is built into the code in advance.",
      holder:
        "Coins you already hold are not affected; prices behaved differently after past halvings, so nothing is guaranteed.",
    },
    mining: {
      about: "mining difficulty or hashrate",
      why: "Hashrate is the computing power securing the network; difficulty adjusts to it so blocks keep coming on schedule.",
      holder: "Nothing changes for coins you hold or send; such news matters mostly to miners.",
    },
    upgrade: {
      about: "a network upgrade",
      why: "An upgrade changes a network's rules or features; major upgrades are planned and tested in advance.",
      holder:
        "Usually you don't need to do anything with coins on a major exchange or wallet; beware of anyone asking you to “migrate” them.",
    },
    partnership: {
      about: "a partnership or integration",
      why: "A partnership can bring a project new users, but what actually launches matters more than the announcement.",
      holder:
        "Check the details on both companies' official sites; the real effect shows over months, not in a day.",
    },
    price_move: {
      about: "price moves",
      why: "Crypto prices swing a lot: news, forced closing of borrowed positions and mood can move them within hours.",
      holder:
        "One sharp move says little about the next one; avoid decisions made in a hurry or under pressure from chats.",
    },
    macro: {
      about: "central bank and economy news (rates, inflation)",
      why: "Central bank decisions on rates affect how much money flows into risky assets, including crypto.",
      holder:
        "Such news can move the whole market for a day or two but says little about any single coin.",
    },
  },
};
