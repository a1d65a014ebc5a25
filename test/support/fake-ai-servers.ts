import { type StreamOptions, streamResponse, wantsStream } from "./fake-ai-streams";

export type { StreamOptions } from "./fake-ai-streams";

/** Which wire format a fake server speaks. */
export type FakeAiKind = "groq" | "mistral" | "gemini";

/** A way for the next request(s) to fail. */
export type Fault =
  | { readonly status: 500 }
  | { readonly status: 429; readonly retryAfter?: number; readonly message?: string }
  | { readonly status: 401 }
  | { readonly status: 402; readonly message?: string }
  | { readonly status: 403; readonly message?: string }
  | { readonly status: 400; readonly message?: string }
  /** Never answers; the handler ends only when the client goes away. */
  | "hang"
  /** 200 with a body that is not JSON. */
  | "malformed"
  /** 200 with valid JSON that carries no text. */
  | "empty"
  /** Drops the connection without an HTTP response. */
  | "reset"
  /**
   * 200 with a valid answer whose text is `bytes` long: sent with its Content-Length, or
   * `streamed` in chunks without one (generated as the client reads, counted in `bytesSent`).
   */
  | { readonly huge: number; readonly streamed: boolean };

/** One request as the fake server saw it. */
export interface RecordedRequest {
  readonly path: string;
  readonly headers: { readonly authorization?: string; readonly "x-goog-api-key"?: string };
  readonly body: unknown;
  readonly time: number;
}

/** A local stand-in for one AI provider's HTTP API. */
export interface FakeAiServer extends AsyncDisposable {
  /** What to give the SDK as its base URL (the origin; each SDK appends its own path). */
  readonly baseUrl: string;
  readonly requests: readonly RecordedRequest[];
  /** Requests whose handler has not finished yet. */
  readonly inFlight: number;
  /** Requests whose client went away before they were answered. */
  readonly aborted: number;
  /** Bytes of streamed huge bodies handed to the connection so far. */
  readonly bytesSent: number;
  /** The answer to give; `cutOff` marks it as stopped by the token limit (finish reason). */
  setReply(text: string, options?: { readonly cutOff?: boolean }): void;
  /** How streamed requests are answered (see {@link StreamOptions}); at once by default. */
  setStreaming(options: StreamOptions): void;
  /** Queues a fault for the next `times` requests; queued faults apply in order. */
  fail(fault: Fault, times?: number): void;
  /** Clears all queued faults. */
  healthy(): void;
  /** Resolves once `condition` holds, re-checking whenever a request arrives, ends or aborts. */
  until(condition: () => boolean): Promise<void>;
  close(): Promise<void>;
}

const PATHS: Record<FakeAiKind, RegExp> = {
  groq: /^\/openai\/v1\/chat\/completions$/,
  mistral: /^\/v1\/chat\/completions$/,
  gemini: /^\/v1beta\/models\/[^/:]+:(?:generateContent|streamGenerateContent)$/,
};

/** Starts a fake of `kind` on 127.0.0.1 with a random port, speaking its real wire format. */
export function startFakeAiServer(kind: FakeAiKind): FakeAiServer {
  const requests: RecordedRequest[] = [];
  const faults: { fault: Fault; left: number }[] = [];
  const waiters = new Set<{ condition: () => boolean; resolve: () => void }>();
  let reply = "A short, friendly explanation.";
  let cutOff = false;
  const sent = { bytes: 0 };
  let streaming: StreamOptions = {};
  let inFlight = 0;
  let aborted = 0;

  const changed = () => {
    for (const waiter of waiters) {
      if (waiter.condition()) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  };

  const nextFault = (): Fault | undefined => {
    const head = faults[0];
    if (!head) return undefined;
    head.left -= 1;
    if (head.left <= 0) faults.shift();
    return head.fault;
  };

  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(req) {
      inFlight += 1;
      let answered = false;
      req.signal.addEventListener("abort", () => {
        if (answered) return;
        aborted += 1;
        changed();
      });
      try {
        const { pathname } = new URL(req.url);
        const text = await req.text();
        requests.push({
          path: pathname,
          headers: headersOf(req),
          body: parseJson(text),
          time: Date.now(),
        });
        changed();
        if (!PATHS[kind].test(pathname))
          return Response.json({ error: "not found" }, { status: 404 });
        const fault = nextFault();
        if (fault === "hang") {
          await abortOf(req.signal);
          return new Response(null, { status: 499 });
        }
        const body = requests.at(-1)?.body;
        if (fault === undefined && wantsStream(kind, pathname, body)) {
          return streamResponse(kind, reply, pathname, streaming, cutOff);
        }
        return respond(kind, fault, { text: reply, cutOff, sent }, pathname);
      } finally {
        answered = true;
        inFlight -= 1;
        changed();
      }
    },
  });

  const close = async () => {
    await server.stop(true);
  };

  return {
    baseUrl: `http://127.0.0.1:${server.port}`,
    requests,
    get inFlight() {
      return inFlight;
    },
    get aborted() {
      return aborted;
    },
    get bytesSent() {
      return sent.bytes;
    },
    setReply(text, options = {}) {
      reply = text;
      cutOff = options.cutOff ?? false;
    },
    setStreaming(options) {
      streaming = options;
    },
    fail(fault, times = Number.POSITIVE_INFINITY) {
      faults.push({ fault, left: times });
    },
    healthy() {
      faults.length = 0;
    },
    until(condition) {
      if (condition()) return Promise.resolve();
      return new Promise((resolve) => waiters.add({ condition, resolve }));
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

type Reply = { readonly text: string; readonly cutOff: boolean; readonly sent: { bytes: number } };

function respond(
  kind: FakeAiKind,
  fault: Exclude<Fault, "hang"> | undefined,
  reply: Reply,
  path: string,
): Response {
  switch (fault) {
    case undefined:
      return Response.json(answerBody(kind, reply.text, path, reply.cutOff));
    case "empty":
      return Response.json(answerBody(kind, "", path));
    case "malformed":
      return new Response('{"choices": [{"message": ', {
        headers: { "content-type": "application/json" },
      });
    case "reset":
      // Bun drops the socket when a body errors before its first byte: the client sees ECONNRESET.
      // A reason-less error keeps Bun from logging it as an uncaught exception.
      return new Response(new ReadableStream({ start: (controller) => controller.error() }));
    default:
      if ("huge" in fault) return hugeResponse(kind, fault, reply.sent, path);
      return errorResponse(kind, fault);
  }
}

const CHUNK = "a".repeat(64 * 1024);

/** A valid answer of `huge` bytes of text, the JSON around it split where the text goes. */
function hugeResponse(
  kind: FakeAiKind,
  fault: { readonly huge: number; readonly streamed: boolean },
  sent: { bytes: number },
  path: string,
): Response {
  const [head = "", tail = ""] = JSON.stringify(answerBody(kind, "@@TEXT@@", path)).split(
    "@@TEXT@@",
  );
  const headers = { "content-type": "application/json" };
  if (!fault.streamed) {
    return new Response(head + "a".repeat(fault.huge) + tail, { headers });
  }
  let left = fault.huge;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head));
    },
    pull(controller) {
      if (left <= 0) {
        controller.enqueue(encoder.encode(tail));
        controller.close();
        return;
      }
      const chunk = CHUNK.slice(0, Math.min(left, CHUNK.length));
      left -= chunk.length;
      sent.bytes += chunk.length;
      controller.enqueue(encoder.encode(chunk));
    },
  });
  return new Response(body, { headers });
}

function answerBody(kind: FakeAiKind, text: string, path: string, cutOff = false): unknown {
  const usage = { prompt_tokens: 120, completion_tokens: 60, total_tokens: 180 };
  if (kind === "gemini") {
    return {
      candidates: [
        {
          content: text ? { parts: [{ text }], role: "model" } : { role: "model" },
          finishReason: cutOff ? "MAX_TOKENS" : "STOP",
          index: 0,
        },
      ],
      usageMetadata: { promptTokenCount: 120, candidatesTokenCount: 60, totalTokenCount: 180 },
      modelVersion: path.split("/").at(-1)?.split(":")[0],
      responseId: "fake-response",
    };
  }
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 1_700_000_000,
    model: "fake-model",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: text },
        finish_reason: cutOff ? "length" : "stop",
      },
    ],
    usage,
  };
}

type StatusFault = Extract<Fault, { readonly status: number }>;

function errorResponse(kind: FakeAiKind, fault: StatusFault): Response {
  const message =
    "message" in fault && fault.message ? fault.message : defaultMessage(fault.status);
  const retryAfter = "retryAfter" in fault ? fault.retryAfter : undefined;
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { "retry-after": String(retryAfter) };
  return Response.json(errorBody(kind, fault.status, message, retryAfter), {
    status: fault.status,
    headers,
  });
}

function errorBody(kind: FakeAiKind, status: number, message: string, retryAfter?: number) {
  if (kind === "gemini") {
    const details =
      retryAfter === undefined
        ? []
        : [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${retryAfter}s` }];
    return { error: { code: status, message, status: GOOGLE_STATUS[status], details } };
  }
  if (kind === "mistral") {
    return { object: "error", message, type: "invalid_request_error", param: null, code: null };
  }
  return { error: { message, type: "invalid_request_error", code: null } };
}

const GOOGLE_STATUS: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  402: "FAILED_PRECONDITION",
  403: "PERMISSION_DENIED",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
};

function defaultMessage(status: number): string {
  if (status === 401) return "Invalid API Key";
  if (status === 402) return "Payment Required";
  if (status === 403) return "Permission denied";
  if (status === 429) return "Rate limit reached";
  if (status === 400) return "Bad request";
  return "Internal server error";
}

function headersOf(req: Request): RecordedRequest["headers"] {
  const authorization = req.headers.get("authorization") ?? undefined;
  const apiKey = req.headers.get("x-goog-api-key") ?? undefined;
  return {
    ...(authorization === undefined ? {} : { authorization }),
    ...(apiKey === undefined ? {} : { "x-goog-api-key": apiKey }),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function abortOf(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    signal.addEventListener("abort", () => resolve(), { once: true }),
  );
}
