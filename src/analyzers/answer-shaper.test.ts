import { describe, expect, it } from "bun:test";
import {
  type FakeAiKind,
  type RecordedRequest,
  startFakeAiServer,
} from "../../test/support/fake-ai-servers";
import { type AnswerPolicy, answerPolicy } from "./answer-shaper";
import { createGeminiProvider } from "./gemini";
import { createGroqProvider } from "./groq";
import { createMistralProvider } from "./mistral";
import { lengthBudget } from "./prompt";
import { type Provider, ProviderError } from "./provider";

const NEWS = "Биржа FTX остановила вывод средств клиентов.";
const MB = 1024 * 1024;

/** Real SDK adapters with a fixed clock and a counter for delimiter tokens. */
function providerFor(kind: FakeAiKind, baseUrl: string, policy: Partial<AnswerPolicy> = {}) {
  let n = 0;
  const answer = answerPolicy({
    now: () => Date.UTC(2026, 10, 30, 9),
    token: () => `tok${++n}`,
    ...policy,
  });
  const common = { apiKey: "sk-test-0123456789", model: "m-1", timeoutMs: 60_000, answer };
  const providers: Record<FakeAiKind, () => Provider> = {
    groq: () => createGroqProvider({ ...common, baseURL: baseUrl }),
    mistral: () => createMistralProvider({ ...common, serverURL: baseUrl }),
    gemini: () => createGeminiProvider({ ...common, baseUrl }),
  };
  return providers[kind]();
}

type Body = {
  messages?: { content?: string }[];
  max_completion_tokens?: number;
  max_tokens?: number;
  contents?: { parts?: { text?: string }[] }[];
  systemInstruction?: { parts?: { text?: string }[] };
  generationConfig?: { maxOutputTokens?: number };
};

function sent(request: RecordedRequest | undefined) {
  const body = request?.body as Body;
  return {
    system: body.messages?.[0]?.content ?? body.systemInstruction?.parts?.[0]?.text ?? "",
    user: body.messages?.[1]?.content ?? body.contents?.[0]?.parts?.[0]?.text ?? "",
    maxTokens:
      body.max_completion_tokens ?? body.max_tokens ?? body.generationConfig?.maxOutputTokens,
  };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const outcome = await promise.then(
    () => new Error("expected the call to fail"),
    (error: unknown) => error,
  );
  if (!(outcome instanceof ProviderError)) throw outcome;
  return outcome;
}

for (const kind of ["groq", "mistral", "gemini"] as const) {
  describe(`${kind} answers`, () => {
    it("sends today's date, a new delimiter per request and the token limit for the length", async () => {
      await using server = startFakeAiServer(kind);
      server.setReply("Биржа закрыла вывод.");
      const provider = providerFor(kind, server.baseUrl, { maxChars: 600 });

      await provider.explain({ text: NEWS, lang: "ru" });
      await provider.explain({ text: NEWS, lang: "ru" });

      const [first, second] = server.requests.map(sent);
      expect(first?.system).toContain("Today is 2026-11-30.");
      expect(first?.user).toStartWith(`<news-tok1>\n${NEWS}\n</news-tok1>`);
      expect(second?.user).toStartWith(`<news-tok2>\n${NEWS}\n</news-tok2>`);
      expect(first?.maxTokens).toBe(lengthBudget(600, "ru").maxTokens);
    });

    it("strips Markdown, links and wallet addresses from the answer", async () => {
      await using server = startFakeAiServer(kind);
      server.setReply(
        "**Внимание:** это похоже на [мошенничество](https://scam.io). Не отправляйте монеты на 0x52908400098527886E0F7030069857D2E4169EE7.",
      );

      const answer = await providerFor(kind, server.baseUrl).explain({ text: NEWS, lang: "ru" });

      expect(answer).toEqual({
        text: "Внимание: это похоже на мошенничество. Не отправляйте монеты на.",
      });
    });

    it("trims an answer cut off by the token limit to its last whole sentence", async () => {
      await using server = startFakeAiServer(kind);
      server.setReply("Биржа закрыла вывод. Для вас это значит, что деньги могут застр", {
        cutOff: true,
      });

      const answer = await providerFor(kind, server.baseUrl).explain({ text: NEWS, lang: "ru" });

      expect(answer).toEqual({ text: "Биржа закрыла вывод." });
    });

    it("fits a long answer into ANSWER_MAX_CHARS by whole sentences", async () => {
      await using server = startFakeAiServer(kind);
      server.setReply("Биржа закрыла вывод. Для вас это риск. Почему это важно: доверие.");

      const answer = await providerFor(kind, server.baseUrl, { maxChars: 50 }).explain({
        text: NEWS,
        lang: "ru",
      });

      expect(answer).toEqual({ text: "Биржа закрыла вывод. Для вас это риск." });
    });

    it("fails an answer in the wrong language as wrong_language", async () => {
      await using server = startFakeAiServer(kind);
      server.setReply("The exchange halted withdrawals.");

      const error = await failure(
        providerFor(kind, server.baseUrl).explain({ text: NEWS, lang: "ru" }),
      );

      expect({ provider: error.provider, kind: error.kind }).toEqual({
        provider: kind,
        kind: "wrong_language",
      });
    });

    it("fails a 20 MB answer with a Content-Length before reading it", async () => {
      await using server = startFakeAiServer(kind);
      server.fail({ huge: 20 * MB, streamed: false });

      const error = await failure(
        providerFor(kind, server.baseUrl).explain({ text: NEWS, lang: "ru" }),
      );

      expect({ kind: error.kind, message: error.message }).toEqual({
        kind: "malformed",
        message: expect.stringContaining("exceeds 262144 bytes"),
      });
    });

    it("stops reading a streamed 20 MB answer past the cap and closes the connection", async () => {
      await using server = startFakeAiServer(kind);
      server.fail({ huge: 20 * MB, streamed: true });

      const error = await failure(
        providerFor(kind, server.baseUrl).explain({ text: NEWS, lang: "ru" }),
      );
      await server.until(() => server.inFlight === 0);

      expect(error.kind).toBe("malformed");
      expect(error.message).toContain("exceeds 262144 bytes");
      // Socket buffers hold some more, but nowhere near the whole body is produced.
      expect(server.bytesSent).toBeLessThan(8 * MB);
    });
  });
}

describe("answerPolicy", () => {
  it("caps bodies at 256 KB by default, more when the longest answer streams past that", () => {
    expect([
      answerPolicy().maxResponseBytes,
      answerPolicy({ maxChars: 4000 }).maxResponseBytes,
      answerPolicy({ maxChars: 4000, maxResponseBytes: 1024 }).maxResponseBytes,
    ]).toEqual([256 * 1024, 2080 * 512, 1024]);
  });
});
