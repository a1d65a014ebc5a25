import { describe, expect, it } from "bun:test";
import { fitSentences, sentencesOf } from "./sentences";

describe("sentencesOf", () => {
  it("does not break after abbreviations and initials", () => {
    expect(sentencesOf("The U.S. SEC sued Mr. Lee. It ended.", "en")).toEqual([
      "The U.S. SEC sued Mr. Lee. ",
      "It ended.",
    ]);
    expect(sentencesOf("Вывод закрыт, т.е. деньги заморожены. Что дальше?", "ru")).toEqual([
      "Вывод закрыт, т.е. деньги заморожены. ",
      "Что дальше?",
    ]);
  });
});

describe("fitSentences", () => {
  const answer = "Биржа остановила вывод. Для вас это риск. Проверьте, где ваши монеты!";

  it("keeps an answer that fits as it is", () => {
    expect(fitSentences(answer, "ru", 400)).toBe(answer);
  });

  it("drops whole sentences that do not fit, never cutting one", () => {
    expect(fitSentences(answer, "ru", 45)).toBe("Биржа остановила вывод. Для вас это риск.");
  });

  it("drops an unfinished last sentence when the model was cut off", () => {
    const cut = "Биржа остановила вывод. Для вас это риск. Проверьте, где ва";

    expect(fitSentences(cut, "ru", 400, { cutOff: true })).toBe(
      "Биржа остановила вывод. Для вас это риск.",
    );
    expect(fitSentences(`${answer}»`, "ru", 400, { cutOff: true })).toBe(`${answer}»`);
  });

  it("keeps the whole words of a first sentence cut off by the token limit, with an ellipsis", () => {
    expect(fitSentences("Биржа закрыла вывод, и теперь клие", "ru", 400, { cutOff: true })).toBe(
      "Биржа закрыла вывод, и теперь…",
    );
  });

  it("keeps a finished answer whole even when the model was cut off", () => {
    expect(fitSentences(answer, "ru", 400, { cutOff: true })).toBe(answer);
  });

  it("cuts at a word with an ellipsis only when not even one sentence fits", () => {
    const result = fitSentences("One extremely long opening sentence without any end", "en", 30);

    expect(result).toBe("One extremely long opening…");
    expect(result.length).toBeLessThanOrEqual(30);
  });

  it("keeps paragraph breaks between kept sentences", () => {
    expect(fitSentences("First.\n\nSecond. Third.", "en", 15)).toBe("First.\n\nSecond.");
  });
});
