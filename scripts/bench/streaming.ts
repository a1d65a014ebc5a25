/**
 * Time to the first visible text of an AI answer, streamed (sendMessageDraft while the provider
 * writes) against not streamed (a Bot API that refuses drafts: the text appears with the final
 * message), in the same run, with the same fake provider: Groq's wire format on loopback, first
 * token after 400 ms, then 40 tokens a second. The whole RVX app and bot handle each update;
 * Bot API calls are answered in process and timed as they are made.
 *
 *   bun run scripts/bench/streaming.ts [--quick]
 *
 * Target: streamed p95 ≤ time to first token + 100 ms.
 */
import type { Transformer } from "grammy";
import { startFakeAiServer } from "../../test/support/fake-ai-servers";
import { NEWS, startRvx, textUpdate } from "./in-process";
import { header, type Percentiles, percentiles, quick, ratio, report } from "./lib";

const FIRST_TOKEN_MS = 400;
const TOKENS_PER_SECOND = 40;
const TARGET_MS = FIRST_TOKEN_MS + 100;
const PER_MODE = quick ? 20 : 60;
const ROUNDS = quick ? 2 : 3;
const CONCURRENCY = 10;
/** About 40 tokens: a second of writing after the first token. */
const ANSWER =
  "The SEC approved funds that hold real bitcoin, so people can now buy them through an ordinary " +
  "broker like shares. For you the coin does not change; a fund is one more way to own it, " +
  "with yearly fees. It matters because big investors can now enter more easily.";

type Mode = "streamed" | "not streamed";

/**
 * Times the first text each chat sees: the first draft (when drafts are taken) or the first
 * message. With `refuseDrafts`, sendMessageDraft fails as on a Bot API server without it.
 */
function firstVisible(mode: () => Mode) {
  const seen = new Map<number, number>();
  const transformer: Transformer = async (prev, method, payload, signal) => {
    const chatId = Number((payload as { chat_id?: number }).chat_id);
    const refused = method === "sendMessageDraft" && mode() === "not streamed";
    if (refused) {
      return { ok: false, error_code: 400, description: "Bad Request: method not found" } as never;
    }
    if ((method === "sendMessageDraft" || method === "sendMessage") && !seen.has(chatId)) {
      seen.set(chatId, performance.now());
    }
    return prev(method, payload, signal);
  };
  return { transformer, seen };
}

async function main(): Promise<void> {
  header(
    "streaming",
    `${PER_MODE} answers per mode, ${CONCURRENCY} at a time; fake Groq: first token ${FIRST_TOKEN_MS} ms, ${TOKENS_PER_SECOND} tokens/s`,
  );
  const groq = startFakeAiServer("groq");
  groq.setReply(ANSWER);
  groq.setStreaming({ firstTokenMs: FIRST_TOKEN_MS, tokensPerSecond: TOKENS_PER_SECOND });
  await using rvx = startRvx({
    env: {
      GROQ_API_KEY: "bench-key-0123456789",
      GROQ_BASE_URL: groq.baseUrl,
      PROVIDER_CONCURRENCY: "64",
      ANSWER_MAX_CHARS: "1000",
    },
  });
  await rvx.app.preloadProviders();
  let mode: Mode = "streamed";
  const timing = firstVisible(() => mode);
  rvx.bot.api.config.use(timing.transformer);

  let nextUser = 1_000_000;
  let nextText = 0;
  /** Handles `count` fresh news (new users, never cached), returns each first-visible time. */
  async function run(count: number): Promise<number[]> {
    const samples: number[] = [];
    let left = count;
    const worker = async () => {
      while (left-- > 0) {
        const user = nextUser++;
        const text = `${NEWS[nextText % NEWS.length]} (report ${nextText++})`;
        const started = performance.now();
        await rvx.handleUpdate(textUpdate(user, text));
        const shown = timing.seen.get(user);
        if (shown === undefined) throw new Error(`chat ${user} saw no text`);
        samples.push(shown - started);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return samples;
  }

  mode = "streamed";
  await run(CONCURRENCY); // warm-up: JIT, SDK connection pool
  const streamedSamples: number[] = [];
  const plainSamples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    mode = "streamed";
    streamedSamples.push(...(await run(Math.ceil(PER_MODE / ROUNDS))));
    mode = "not streamed";
    plainSamples.push(...(await run(Math.ceil(PER_MODE / ROUNDS))));
  }
  const answered = groq.requests.length;
  await groq.close();

  const streamed: Percentiles = percentiles(streamedSamples);
  const plain: Percentiles = percentiles(plainSamples);
  const line = (name: string, p: Percentiles) =>
    `${name.padEnd(16)}${[p.p50, p.p95, p.p99].map((v) => v.toFixed(1).padStart(9)).join("")}`;
  console.log(
    `${"".padEnd(16)}${["p50", "p95", "p99"].map((h) => h.padStart(9)).join("")}   (ms to first visible text)`,
  );
  console.log(line("streamed", streamed));
  console.log(line("not streamed", plain));
  report({
    benchmark: "streaming",
    command: "bun run scripts/bench/streaming.ts",
    setup: {
      answersPerMode: streamedSamples.length,
      concurrency: CONCURRENCY,
      firstTokenMs: FIRST_TOKEN_MS,
      tokensPerSecond: TOKENS_PER_SECOND,
      answerWords: ANSWER.split(" ").length,
      providerRequests: answered,
    },
    results: { firstVisibleMs: { streamed, notStreamed: plain } },
    summary: [
      {
        metric: "First visible text p95, streamed",
        unit: "ms",
        rvx: streamed.p95,
        baselineLabel: "not streamed (drafts refused)",
        baseline: plain.p95,
        ratio: ratio(streamed.p95, plain.p95),
        target: `≤ ${TARGET_MS} ms (first token + 100 ms)`,
        met: streamed.p95 <= TARGET_MS,
      },
    ],
  });
}

await main();
