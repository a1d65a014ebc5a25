import { describe, expect, it } from "bun:test";
import { AT_ONCE, adapterFor, TEST_KEY, TEST_MODELS } from "../../test/support/ai-providers";
import { type FakeAiKind, startFakeAiServer } from "../../test/support/fake-ai-servers";
import type { AiProviderConfig } from "../config";
import { createAiProvider } from "./ai-providers";
import { answerPolicy, createAnswerShaper } from "./answer-shaper";
import { base64Of, dataUrlOf, isImageMimeType } from "./image";
import { type ImageInput, ProviderError } from "./provider";

/** The 8-byte PNG signature and a few bytes more: what matters is that they arrive intact. */
const IMAGE: ImageInput = {
  bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 7, 42]),
  mimeType: "image/png",
};
const BASE64 = "iVBORw0KGgoA/wcq";
const CAPTION = "Look at this listing";
const POLICY = answerPolicy({ now: () => Date.UTC(2026, 10, 30, 9), token: () => "t0k3n" });
const VISION_MODELS: Record<FakeAiKind, string> = {
  groq: "meta-llama/llama-4-scout-17b-16e-instruct",
  mistral: "pixtral-12b-2409",
  gemini: TEST_MODELS.gemini,
};

/** The user message the image travels with. */
const prepared = (caption: string) =>
  createAnswerShaper("groq", POLICY).prepare(caption, "en", { withImage: true });

/** The request as each wire format carries it: model, system prompt and the user's parts. */
function seen(kind: FakeAiKind, body: unknown, path: string) {
  if (kind === "gemini") {
    const b = body as {
      systemInstruction?: { parts?: { text?: string }[] };
      contents?: { role?: string; parts?: unknown[] }[];
    };
    return {
      model: path.match(/\/models\/([^/:]+):/)?.[1],
      system: b.systemInstruction?.parts?.[0]?.text,
      user: b.contents?.[0]?.parts,
    };
  }
  const b = body as { model?: string; messages?: { role?: string; content?: unknown }[] };
  return { model: b.model, system: b.messages?.[0]?.content, user: b.messages?.[1]?.content };
}

/** What each provider's real API expects for one text part and one image. */
function expectedParts(kind: FakeAiKind, user: string): unknown {
  switch (kind) {
    case "groq":
      return [
        { type: "text", text: user },
        { type: "image_url", image_url: { url: `data:image/png;base64,${BASE64}` } },
      ];
    case "mistral":
      return [
        { type: "text", text: user },
        { type: "image_url", image_url: `data:image/png;base64,${BASE64}` },
      ];
    case "gemini":
      return [{ text: user }, { inlineData: { mimeType: "image/png", data: BASE64 } }];
  }
}

describe("image encoding", () => {
  it("encodes the bytes as base64 and as a data URL, honouring a view's offset", () => {
    const view = new Uint8Array([0, ...IMAGE.bytes, 0]).subarray(1, 1 + IMAGE.bytes.length);

    expect(base64Of({ bytes: view, mimeType: "image/png" })).toBe(BASE64);
    expect(dataUrlOf(IMAGE)).toBe(`data:image/png;base64,${BASE64}`);
  });

  it("accepts the image types the vision APIs read, and nothing else", () => {
    expect(
      ["image/jpeg", "image/png", "image/webp", "image/gif", "text/html"].map(isImageMimeType),
    ).toEqual([true, true, true, false, false]);
  });
});

for (const kind of ["groq", "mistral", "gemini"] as const) {
  describe(`${kind} provider with an image`, () => {
    it("sends the image in the API's own shape to the vision model, with the screenshot prompt", async () => {
      await using server = startFakeAiServer(kind);
      server.setReply("The screenshot shows a new coin listing.");
      const provider = adapterFor(kind, server.baseUrl, {
        answer: POLICY,
        visionModel: VISION_MODELS[kind],
      });

      const answer = await provider.explain({ text: CAPTION, lang: "en", image: IMAGE });

      const { system, user } = prepared(CAPTION);
      const request = server.requests[0];
      expect(answer).toEqual({ text: "The screenshot shows a new coin listing." });
      expect(provider.vision).toBe(true);
      expect(seen(kind, request?.body, request?.path ?? "")).toEqual({
        model: VISION_MODELS[kind],
        system,
        user: expectedParts(kind, user),
      });
      expect(user).toContain(`<news-t0k3n>\n${CAPTION}\n</news-t0k3n>`);
      expect(user).toContain("Explain the crypto news in this screenshot");
      expect(system).toContain("screenshot or photo of a news post");
    });

    it("streams an answer about an image", async () => {
      await using server = startFakeAiServer(kind);
      server.setReply("The screenshot shows a new coin listing.");
      server.setStreaming(AT_ONCE);
      const deltas: string[] = [];

      const answer = await adapterFor(kind, server.baseUrl, {
        visionModel: VISION_MODELS[kind],
      }).explain({ text: "", lang: "en", image: IMAGE, onDelta: (text) => deltas.push(text) });

      const { user } = seen(kind, server.requests[0]?.body, server.requests[0]?.path ?? "");
      expect(answer.text).toBe("The screenshot shows a new coin listing.");
      expect(deltas.at(-1)).toBe("The screenshot shows a new coin listing.");
      expect(JSON.stringify(user)).toContain(BASE64);
    });
  });
}

for (const kind of ["groq", "mistral"] as const) {
  describe(`${kind} provider without a vision model`, () => {
    it("says it cannot read images and refuses one as bad_request without a request", async () => {
      await using server = startFakeAiServer(kind);
      const provider = adapterFor(kind, server.baseUrl);

      const outcome = await provider
        .explain({ text: CAPTION, lang: "en", image: IMAGE })
        .catch((error: unknown) => error);

      expect(provider.vision).toBe(false);
      expect(outcome).toBeInstanceOf(ProviderError);
      expect((outcome as ProviderError).kind).toBe("bad_request");
      expect(server.requests).toHaveLength(0);
    });
  });
}

describe("groq provider with a large image", () => {
  it("refuses an image over Groq's 4 MB base64 limit without sending it", async () => {
    await using server = startFakeAiServer("groq");
    const provider = adapterFor("groq", server.baseUrl, { visionModel: VISION_MODELS.groq });
    const big: ImageInput = { bytes: new Uint8Array(3 * 1024 * 1024), mimeType: "image/jpeg" };

    const outcome = await provider
      .explain({ text: "", lang: "en", image: big })
      .catch((error: unknown) => error);

    expect((outcome as ProviderError).kind).toBe("bad_request");
    expect(server.requests).toHaveLength(0);
  });
});

describe("createAiProvider", () => {
  const config = (name: AiProviderConfig["name"], visionModel?: string): AiProviderConfig => ({
    name,
    apiKey: TEST_KEY,
    baseUrl: "http://127.0.0.1:9",
    model: TEST_MODELS[name],
    ...(visionModel ? { visionModel } : {}),
  });

  it("flags vision from the config before any SDK loads: Gemini always, others with a model", () => {
    const flags = [
      config("groq"),
      config("groq", "meta-llama/llama-4-scout-17b-16e-instruct"),
      config("mistral"),
      config("mistral", "pixtral-12b-2409"),
      config("gemini"),
    ].map((c) => createAiProvider(c, 1000).vision);

    expect(flags).toEqual([false, true, false, true, true]);
  });
});
