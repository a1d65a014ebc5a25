import { describe, expect, it } from "bun:test";
import {
  type FakeAiKind,
  type RecordedRequest,
  startFakeAiServer,
} from "../../test/support/fake-ai-servers";
import { answerPolicy, createAnswerShaper } from "./answer-shaper";
import { classifyError, parseRetryAfter } from "./classify-error";
import { createGeminiProvider } from "./gemini";
import { createGroqProvider } from "./groq";
import { createMistralProvider } from "./mistral";
import { TEMPERATURE } from "./prompt";
import { type Provider, ProviderError } from "./provider";

const KEY = "sk-test-0123456789";
const NEWS = "The SEC approved spot Ether ETFs on Thursday.";
// Long enough that no test ever reaches it: tests abort by hand instead of waiting.
const TIMEOUT_MS = 60_000;

const MODELS: Record<FakeAiKind, string> = {
  groq: "llama-3.1-8b-instant",
  mistral: "mistral-small-latest",
  gemini: "gemini-2.5-flash",
};

/** A fixed date and delimiter token, so the request sent is known exactly. */
const POLICY = answerPolicy({ now: () => Date.UTC(2026, 10, 30, 9), token: () => "t0k3n" });
const prepared = (text: string, lang: "ru" | "en") =>
  createAnswerShaper("groq", POLICY).prepare(text, lang);

function providerFor(kind: FakeAiKind, baseUrl: string): Provider {
  const common = { apiKey: KEY, model: MODELS[kind], timeoutMs: TIMEOUT_MS, answer: POLICY };
  switch (kind) {
    case "groq":
      return createGroqProvider({ ...common, baseURL: baseUrl });
    case "mistral":
      return createMistralProvider({ ...common, serverURL: baseUrl });
    case "gemini":
      return createGeminiProvider({ ...common, baseUrl });
  }
}

type Parts = { parts?: { text?: string }[] };

/** Both wire formats' request bodies, as far as the tests read them. */
type WireBody = {
  model?: string;
  messages?: { role?: string; content?: string }[];
  temperature?: number;
  max_completion_tokens?: number;
  max_tokens?: number;
  systemInstruction?: Parts;
  contents?: Parts[];
  generationConfig?: { temperature?: number; maxOutputTokens?: number };
};

/** The parts of a request the tests care about, read from each wire format. */
function seen(kind: FakeAiKind, request: RecordedRequest | undefined) {
  const body = request?.body as WireBody | undefined;
  if (kind === "gemini") {
    return {
      model: request?.path.match(/\/models\/([^/:]+):generateContent$/)?.[1],
      key: request?.headers["x-goog-api-key"],
      system: body?.systemInstruction?.parts?.[0]?.text,
      user: body?.contents?.[0]?.parts?.[0]?.text,
      temperature: body?.generationConfig?.temperature,
      maxTokens: body?.generationConfig?.maxOutputTokens,
    };
  }
  return {
    model: body?.model,
    key: request?.headers.authorization?.replace(/^Bearer /, ""),
    system: body?.messages?.[0]?.role === "system" ? body.messages[0]?.content : undefined,
    user: body?.messages?.[1]?.content,
    temperature: body?.temperature,
    maxTokens: body?.max_completion_tokens ?? body?.max_tokens,
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

async function closedPortUrl(): Promise<string> {
  const server = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response() });
  const url = `http://127.0.0.1:${server.port}`;
  await server.stop(true);
  return url;
}

for (const kind of ["groq", "mistral", "gemini"] as const) {
  describe(`${kind} provider`, () => {
    it("returns the trimmed answer and sends model, key, system prompt and delimited news", async () => {
      await using server = startFakeAiServer(kind);
      server.setReply("  Regulators allowed a new kind of fund.  ");
      const provider = providerFor(kind, server.baseUrl);

      const answer = await provider.explain({ text: NEWS, lang: "en" });

      expect(answer).toEqual({ text: "Regulators allowed a new kind of fund." });
      expect(provider.name).toBe(kind);
      expect(server.requests).toHaveLength(1);
      const { system, user, maxTokens } = prepared(NEWS, "en");
      expect(seen(kind, server.requests[0])).toEqual({
        model: MODELS[kind],
        key: KEY,
        system,
        user,
        temperature: TEMPERATURE,
        maxTokens,
      });
      expect(user).toContain(`<news-t0k3n>\n${NEWS}\n</news-t0k3n>`);
    });

    it("caps a long post before sending it", async () => {
      await using server = startFakeAiServer(kind);
      server.setReply("Это длинный пост о словах.");
      const longNews = "word ".repeat(2000);

      await providerFor(kind, server.baseUrl).explain({ text: longNews, lang: "ru" });

      const { user } = seen(kind, server.requests[0]);
      expect(user).toBe(prepared(longNews, "ru").user);
      expect(user?.length).toBeLessThan(3300);
    });

    it("reports a 500 as server", async () => {
      await using server = startFakeAiServer(kind);
      server.fail({ status: 500 });

      const error = await failure(
        providerFor(kind, server.baseUrl).explain({ text: NEWS, lang: "en" }),
      );

      expect({ provider: error.provider, kind: error.kind }).toEqual({
        provider: kind,
        kind: "server",
      });
      expect(server.requests).toHaveLength(1);
    });

    it("reports a 429 as rate_limited with Retry-After and makes exactly one request", async () => {
      await using server = startFakeAiServer(kind);
      server.fail({ status: 429, retryAfter: 7 });

      const error = await failure(
        providerFor(kind, server.baseUrl).explain({ text: NEWS, lang: "en" }),
      );

      expect({ kind: error.kind, retryAfterMs: error.retryAfterMs }).toEqual({
        kind: "rate_limited",
        retryAfterMs: 7000,
      });
      expect(server.requests).toHaveLength(1);
    });

    it("reports a 401 as auth", async () => {
      await using server = startFakeAiServer(kind);
      server.fail({ status: 401 });

      const error = await failure(
        providerFor(kind, server.baseUrl).explain({ text: NEWS, lang: "en" }),
      );

      expect(error.kind).toBe("auth");
    });

    it("reports a 402 as quota", async () => {
      await using server = startFakeAiServer(kind);
      server.fail({ status: 402 });

      const error = await failure(
        providerFor(kind, server.baseUrl).explain({ text: NEWS, lang: "en" }),
      );

      expect(error.kind).toBe("quota");
    });

    it("reports a 400, 403 or 429 that says the quota or credit is exhausted as quota", async () => {
      await using server = startFakeAiServer(kind);
      server.fail(
        { status: 429, message: "You exceeded your current quota: insufficient_quota" },
        1,
      );
      server.fail({ status: 403, message: "Your credit balance is too low to access the API" }, 1);
      server.fail({ status: 400, message: "Billing hard limit has been reached" }, 1);
      // Gemini's daily free-tier quota: RESOURCE_EXHAUSTED with a retry hint, but per day.
      const perDay = "You exceeded your current quota (GenerateRequestsPerDayPerProjectPerModel)";
      server.fail({ status: 429, retryAfter: 23, message: perDay }, 1);
      const provider = providerFor(kind, server.baseUrl);

      const kinds = [];
      for (let i = 0; i < 4; i++) {
        kinds.push((await failure(provider.explain({ text: NEWS, lang: "en" }))).kind);
      }

      expect(kinds).toEqual(["quota", "quota", "quota", "quota"]);
    });

    it("keeps a per-minute quota or a 429 with a retry hint a rate limit", async () => {
      await using server = startFakeAiServer(kind);
      const perMinute =
        "You exceeded your current quota, please check your plan and billing details (GenerateRequestsPerMinutePerProjectPerModel-FreeTier)";
      server.fail({ status: 429, message: perMinute }, 1);
      server.fail({ status: 429, retryAfter: 7, message: "You exceeded your current quota" }, 1);
      const provider = providerFor(kind, server.baseUrl);

      const first = await failure(provider.explain({ text: NEWS, lang: "en" }));
      const second = await failure(provider.explain({ text: NEWS, lang: "en" }));

      expect([first.kind, second.kind, second.retryAfterMs]).toEqual([
        "rate_limited",
        "rate_limited",
        7000,
      ]);
    });

    it("reports a 400 as bad_request without leaking the key", async () => {
      await using server = startFakeAiServer(kind);
      server.fail({ status: 400, message: `Request too large for key ${KEY}` });

      const error = await failure(
        providerFor(kind, server.baseUrl).explain({ text: NEWS, lang: "en" }),
      );

      expect(error.kind).toBe("bad_request");
      expect(error.message).not.toContain(KEY);
    });

    it("reports invalid JSON as malformed", async () => {
      await using server = startFakeAiServer(kind);
      server.fail("malformed");

      const error = await failure(
        providerFor(kind, server.baseUrl).explain({ text: NEWS, lang: "en" }),
      );

      expect(error.kind).toBe("malformed");
    });

    it("reports an answer without text as malformed", async () => {
      await using server = startFakeAiServer(kind);
      server.fail("empty");

      const error = await failure(
        providerFor(kind, server.baseUrl).explain({ text: NEWS, lang: "en" }),
      );

      expect(error.kind).toBe("malformed");
    });

    it("reports a dropped connection as network", async () => {
      await using server = startFakeAiServer(kind);
      server.fail("reset");

      const error = await failure(
        providerFor(kind, server.baseUrl).explain({ text: NEWS, lang: "en" }),
      );

      expect(error.kind).toBe("network");
      expect(server.requests).toHaveLength(1);
    });

    it("reports a refused connection as network", async () => {
      const provider = providerFor(kind, await closedPortUrl());

      const error = await failure(provider.explain({ text: NEWS, lang: "en" }));

      expect(error.kind).toBe("network");
    });

    it("cancels the HTTP request when the signal aborts and reports timeout", async () => {
      await using server = startFakeAiServer(kind);
      server.fail("hang");
      const controller = new AbortController();
      const provider = providerFor(kind, server.baseUrl);

      const pending = failure(
        provider.explain({ text: NEWS, lang: "en", signal: controller.signal }),
      );
      await server.until(() => server.inFlight === 1);
      controller.abort();
      const error = await pending;
      await server.until(() => server.inFlight === 0);

      expect(error.kind).toBe("timeout");
      expect(server.aborted).toBe(1);
    });

    it("answers again once the faults are cleared", async () => {
      await using server = startFakeAiServer(kind);
      server.fail({ status: 500 }, 1);
      const provider = providerFor(kind, server.baseUrl);

      const first = await failure(provider.explain({ text: NEWS, lang: "en" }));
      const second = await provider.explain({ text: NEWS, lang: "en" });

      expect(first.kind).toBe("server");
      expect(second.text.length).toBeGreaterThan(0);
    });
  });
}

describe("classifyError", () => {
  it("reads Retry-After as an HTTP date", () => {
    const now = Date.parse("2026-11-24T12:00:00Z");

    expect(parseRetryAfter("Tue, 24 Nov 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });

  it("treats Gemini's 400 for a wrong key as auth", () => {
    const error = Object.assign(new Error('{"error":{"details":[{"reason":"API_KEY_INVALID"}]}}'), {
      status: 400,
    });

    expect(classifyError("gemini", error).kind).toBe("auth");
  });

  it("keeps an existing ProviderError as it is", () => {
    const original = new ProviderError("groq", "malformed", "empty answer");

    expect(classifyError("groq", original)).toBe(original);
  });
});
