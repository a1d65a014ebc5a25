import { describe, expect, it } from "bun:test";
import { createSanitizer } from "./sanitize";
import { stripWallets } from "./wallets";

const sanitize = createSanitizer();

describe("sanitize", () => {
  it("reduces Markdown to its text and normalizes list markers", () => {
    const markdown = [
      "## Что случилось",
      "",
      "**Биржа** закрыла __вывод__, *см.* [новость](https://ftx.com/news) и `код`.",
      "",
      "- шаг один",
      "* шаг два",
      "1. шаг три",
      "",
      "> цитата",
    ].join("\n");

    expect(sanitize(markdown)).toBe(
      "Что случилось\nБиржа закрыла вывод, см. новость и код.\n• шаг один\n• шаг два\n• шаг три\nцитата",
    );
  });

  it("leaves text that only looks like Markdown alone", () => {
    const plain = "Fees fell 2 * 3 * 4 times; the snake_case_name stays; AT&T too.";

    expect(sanitize(plain)).toBe(plain);
  });

  it("removes links, bare domains and e-mail addresses", () => {
    expect(
      sanitize("Read https://t.me/scam?x=1, binance.com/ru, app.uniswap.xyz or mail help@ftx.com."),
    ).toBe("Read, or mail.");
    expect(sanitize("Подробности на www.coindesk.com и сайте пример.рф сегодня.")).toBe(
      "Подробности на и сайте сегодня.",
    );
  });

  it("removes HTML tags and images", () => {
    expect(sanitize("A <b>bold</b> move ![logo](https://x.io/a.png) today.")).toBe(
      "A bold move today.",
    );
  });

  it("removes wallet addresses and keeps the sentence", () => {
    expect(
      sanitize(
        "Send ETH to 0x52908400098527886E0F7030069857D2E4169EE7 and get double back (or use 1BoatSLRHtKNngkdXEeobR76b53LETtpyT).",
      ),
    ).toBe("Send ETH to and get double back (or use).");
  });
});

describe("stripWallets", () => {
  it("removes each chain's address format", () => {
    const addresses = [
      "0x52908400098527886E0F7030069857D2E4169EE7", // EVM
      "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060", // EVM tx hash
      "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", // BTC bech32
      "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", // BTC taproot
      "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", // BTC P2SH
      "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7", // TRON
      "EQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p4q2", // TON
      "UQBvW8Z5huBkMJYdnfAEM5JqTNkuWX3diqYENkWsIL0XggGG", // TON non-bounceable
      "0:83dfd552e63729b472fcbcc8c45ebcc6691702558b68ec7527e1ba403a0f31a8", // TON raw
      "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV2", // Solana
    ];

    for (const address of addresses) {
      expect(stripWallets(`to ${address} now`)).toBe("to  now");
    }
  });

  it("keeps long words, tickers and hex-looking text that are not addresses", () => {
    const text =
      "Supercalifragilisticexpialidociousness BTC 0x1234 TransactionsPerSecondIncreased ETH2";

    expect(stripWallets(text)).toBe(text);
  });
});
