import { describe, expect, it } from "bun:test";
import { GoogleGenAI } from "@google/genai";
import { Mistral } from "@mistralai/mistralai";
import Groq from "groq-sdk";
import { startFakeAiServer } from "./fake-ai-servers";

const REPLY = "Bitcoin ETFs let people buy exposure through a broker.";
const messages = [{ role: "user" as const, content: "explain" }];

/** Releases streamed tokens one at a time, as a test decides. */
function tokenGate() {
  const waiting: (() => void)[] = [];
  let released = 0;
  return {
    gate: (index: number) =>
      index < released ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)),
    release() {
      released++;
      waiting.shift()?.();
    },
  };
}

describe("fake AI servers: streaming in each wire format", () => {
  it("streams OpenAI-style SSE to groq-sdk", async () => {
    await using server = startFakeAiServer("groq");
    server.setReply(REPLY);
    const client = new Groq({ apiKey: "gsk_test", baseURL: server.baseUrl, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: "m", messages, stream: true });
    const parts: string[] = [];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      parts.push(chunk.choices[0]?.delta?.content ?? "");
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect({ text: parts.join(""), finish, chunks: parts.length }).toEqual({
      text: REPLY,
      finish: "stop",
      chunks: 9 + 1,
    });
  });

  it("streams OpenAI-style SSE to the Mistral SDK", async () => {
    await using server = startFakeAiServer("mistral");
    server.setReply(REPLY);
    const client = new Mistral({
      apiKey: "m_test",
      serverURL: server.baseUrl,
      retryConfig: { strategy: "none" },
    });
    const stream = await client.chat.stream({ model: "m", messages });
    let text = "";
    for await (const event of stream) {
      const content = event.data.choices[0]?.delta?.content;
      if (typeof content === "string") text += content;
    }
    expect(text).toBe(REPLY);
  });

  it("streams Gemini's streamGenerateContent?alt=sse to @google/genai", async () => {
    await using server = startFakeAiServer("gemini");
    server.setReply(REPLY);
    const ai = new GoogleGenAI({
      apiKey: "g_test",
      apiVersion: "v1beta",
      httpOptions: { baseUrl: server.baseUrl },
    });
    const stream = await ai.models.generateContentStream({
      model: "gemini-2.5-flash",
      contents: "explain",
    });
    let text = "";
    for await (const chunk of stream) text += chunk.text ?? "";
    expect(text).toBe(REPLY);
    expect(server.requests.at(-1)?.path).toBe(
      "/v1beta/models/gemini-2.5-flash:streamGenerateContent",
    );
  });

  it("hands out tokens only as a test releases them", async () => {
    await using server = startFakeAiServer("groq");
    server.setReply("one two three");
    const { gate, release } = tokenGate();
    server.setStreaming({ gate });
    const client = new Groq({ apiKey: "gsk_test", baseURL: server.baseUrl, maxRetries: 0 });
    const stream = await (async () => {
      release();
      return client.chat.completions.create({ model: "m", messages, stream: true });
    })();
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.choices[0]?.delta?.content).toBe("one ");
    release();
    expect((await iterator.next()).value?.choices[0]?.delta?.content).toBe("two ");
    release();
    expect((await iterator.next()).value?.choices[0]?.delta?.content).toBe("three");
  });

  it("cuts a stream mid-answer so the client sees an error, not a finished answer", async () => {
    await using server = startFakeAiServer("groq");
    server.setReply(REPLY);
    server.setStreaming({ cutAfterTokens: 3 });
    const client = new Groq({ apiKey: "gsk_test", baseURL: server.baseUrl, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: "m", messages, stream: true });
    let text = "";
    const outcome = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
      return "finished";
    })().catch(() => "failed");
    // The client may not surface the last chunk before the reset; what it got is a strict prefix.
    expect(outcome).toBe("failed");
    expect(REPLY.startsWith(text) && text.length < REPLY.length).toBe(true);
  });
});
