import { describe, expect, it } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LANGS } from "../i18n/lang";
import { loadCourses } from "./course-data";
import { aliasesOf, GlossaryError, validateGlossary } from "./glossary";
import { loadGlossary } from "./glossary-data";
import { words } from "./glossary-text";

const courses = loadCourses();

const term = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: { ru: `Термин ${id}`, en: `Term ${id}` },
  aliases: { ru: [`термины ${id}`], en: [`terms ${id}`] },
  definition: {
    ru: "Определение длиной больше тридцати символов.",
    en: "A definition longer than thirty characters.",
  },
  related: [],
  ...extra,
});

function rejection(files: unknown[]) {
  try {
    validateGlossary(files, courses, ["a.json", "b.json"]);
  } catch (error) {
    if (!(error instanceof GlossaryError)) throw error;
    return error.message;
  }
  throw new Error("expected a GlossaryError");
}

describe("loadGlossary", () => {
  const terms = loadGlossary(courses);

  it("loads at least 150 valid terms, from every file in data/glossary", () => {
    expect(terms.length).toBeGreaterThanOrEqual(150);
    const dir = join(import.meta.dir, "../../data/glossary");
    const files = readdirSync(dir).filter((name) => name.endsWith(".json"));
    const onDisk = files.reduce(
      (sum, name) => sum + (JSON.parse(readFileSync(join(dir, name), "utf8")) as unknown[]).length,
      0,
    );
    expect(onDisk).toBe(terms.length);
  });

  it("gives every term a name and a definition of one or two sentences in both languages", () => {
    for (const t of terms) {
      for (const lang of LANGS) {
        expect({ id: t.id, name: t.name[lang].trim().length > 0 }).toEqual({
          id: t.id,
          name: true,
        });
        // Sentence ends: ". " or a final "." ("т. е." and numbers like 0,95 are not used).
        const sentences = t.definition[lang].split(/[.!?](?:\s|$)/).filter((s) => s.trim());
        expect({ id: t.id, lang, sentences: sentences.length <= 2 }).toEqual({
          id: t.id,
          lang,
          sentences: true,
        });
      }
    }
  });

  it("links most terms to a lesson that exists", () => {
    const linked = terms.filter((t) => t.lesson !== undefined);
    expect(linked.length).toBeGreaterThanOrEqual(120);
    for (const t of linked) {
      const course = courses.find((c) => c.id === t.lesson?.course);
      expect(course?.lessons.some((l) => l.id === t.lesson?.lesson)).toBe(true);
    }
  });

  it("covers the words beginners meet in news", () => {
    const ids = new Set(terms.map((t) => t.id));
    const needed = [
      "blockchain",
      "block",
      "node",
      "consensus",
      "mining",
      "proof-of-work",
      "proof-of-stake",
      "validator",
      "hash",
      "wallet",
      "seed-phrase",
      "private-key",
      "public-key",
      "address",
      "exchange",
      "cex",
      "dex",
      "kyc",
      "p2p",
      "gas",
      "fee",
      "layer-1",
      "layer-2",
      "rollup",
      "bridge",
      "smart-contract",
      "token",
      "coin",
      "stablecoin",
      "depeg",
      "defi",
      "liquidity",
      "amm",
      "slippage",
      "yield",
      "staking",
      "restaking",
      "liquid-staking",
      "airdrop",
      "token-unlock",
      "vesting",
      "market-cap",
      "fdv",
      "circulating-supply",
      "halving",
      "etf",
      "spot-etf",
      "spot-market",
      "futures",
      "derivatives",
      "leverage",
      "liquidation",
      "long",
      "short",
      "bull-market",
      "bear-market",
      "whale",
      "fomo",
      "fud",
      "rug-pull",
      "phishing",
      "drainer",
      "approval",
      "pig-butchering",
      "two-factor",
      "sim-swap",
      "cold-wallet",
      "hot-wallet",
      "hardware-wallet",
      "multisig",
      "nft",
      "dao",
      "oracle",
      "mev",
      "cbdc",
      "sec",
      "mica",
      "regulation",
      "hashrate",
      "difficulty",
      "mempool",
      "rbf",
      "utxo",
      "lightning",
      "eip-1559",
      "the-merge",
      "pectra",
      "account-abstraction",
      "eip-7702",
      "memecoin",
      "tvl",
      "apy",
      "apr",
      "custody",
      "proof-of-reserves",
    ];
    expect(needed.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("keeps every written form unique across terms", () => {
    const owners = new Map<string, string>();
    for (const t of terms) {
      for (const alias of aliasesOf(t)) {
        const key = words(alias).join(" ");
        expect({ alias, owner: owners.get(key) ?? t.id }).toEqual({ alias, owner: t.id });
        owners.set(key, t.id);
      }
    }
  });
});

describe("validateGlossary", () => {
  it("accepts terms spread over files and keeps their order", () => {
    const files = [[term("one")], [term("two", { related: ["one"] })]];
    expect(validateGlossary(files, courses).map((t) => t.id)).toEqual(["one", "two"]);
  });

  it("names the file and term of a duplicate id", () => {
    expect(rejection([[term("one")], [term("one", { aliases: { ru: [], en: [] } })]])).toBe(
      'b.json (term "one"): terms[0].id: duplicate id "one"',
    );
  });

  it("rejects an alias two terms share, however it is spelt", () => {
    const a = term("a", { aliases: { ru: [], en: ["Seed-Phrase"] } });
    const b = term("b", { aliases: { ru: [], en: ["seed phrase"] } });
    expect(rejection([[a, b]])).toBe(
      'a.json (term "b"): terms[1].aliases: alias "seed phrase" is also an alias of "a"',
    );
  });

  it("rejects a related id that names no term", () => {
    expect(rejection([[term("a", { related: ["ghost"] })]])).toBe(
      'a.json (term "a"): terms[0].related[0]: no term with id "ghost"',
    );
  });

  it("rejects a lesson that is not in the courses", () => {
    const lesson = { course: "basics", lesson: "nope" };
    expect(rejection([[term("a", { lesson })]])).toBe(
      'a.json (term "a"): terms[0].lesson.lesson: course "basics" has no lesson "nope"',
    );
    expect(rejection([[term("a", { lesson: { course: "x", lesson: "y" } })]])).toBe(
      'a.json (term "a"): terms[0].lesson.course: no course "x"',
    );
  });

  it("rejects a term missing a language", () => {
    const definition = { en: "A definition longer than thirty characters." };
    expect(rejection([[term("a", { definition })]])).toBe(
      'a.json (term "a"): terms[0].definition.ru: missing the "ru" text',
    );
    expect(rejection([[term("a", { aliases: { en: [] } })]])).toBe(
      'a.json (term "a"): terms[0].aliases.ru: missing the "ru" list',
    );
  });

  it("rejects a misspelt field and a malformed id", () => {
    expect(rejection([[term("a", { relatd: [] })]])).toBe(
      'a.json (term "a"): terms[0].relatd: unknown field (expected id, name, aliases, definition, related, lesson)',
    );
    expect(rejection([[term("Bad Id")]])).toBe(
      'a.json (term "Bad Id"): terms[0].id: id "Bad Id" must be lowercase words joined by "-"',
    );
  });
});
