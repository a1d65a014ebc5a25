import { describe, expect, it } from "bun:test";
import { htmlByDefault } from "./html-mode";

// biome-ignore lint/suspicious/noExplicitAny: a transformer is typed per Bot API method
type Call = (method: string, payload: any) => Promise<unknown>;

function run(method: string, payload: Record<string, unknown>) {
  const seen: unknown[] = [];
  const prev = async (_method: string, sent: unknown) => {
    seen.push(sent);
    return { ok: true, result: true };
  };
  const transformer = htmlByDefault() as unknown as (prev: Call, ...rest: unknown[]) => unknown;
  return Promise.resolve(transformer(prev, method, payload, undefined)).then(() => seen[0]);
}

describe("htmlByDefault", () => {
  it("sends message texts as HTML unless a call chose a parse mode", async () => {
    expect(await run("sendMessage", { chat_id: 1, text: "<b>hi</b>" })).toEqual({
      chat_id: 1,
      text: "<b>hi</b>",
      parse_mode: "HTML",
    });
    expect(await run("editMessageText", { text: "x", parse_mode: "MarkdownV2" })).toEqual({
      text: "x",
      parse_mode: "MarkdownV2",
    });
  });

  it("leaves other methods alone", async () => {
    expect(await run("answerCallbackQuery", { text: "ok" })).toEqual({ text: "ok" });
  });
});
