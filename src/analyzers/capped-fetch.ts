import { ProviderError, type ProviderName } from "./provider";

/** The fetch signature all three SDKs accept as a custom fetch. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A normal answer is a few KB of JSON; this leaves room for verbose metadata (Gemini's safety
 * ratings, usage) while a runaway or hostile 20 MB body is stopped after 256 KB.
 */
export const MAX_RESPONSE_BYTES = 256 * 1024;

/**
 * Wraps `fetch` so that no more than `maxBytes` of a response body are ever read: a declared
 * Content-Length over the cap fails before the body is touched, and a body that grows past it
 * while streaming errors the stream and cancels the connection. Either way the SDK call fails
 * with a `malformed` {@link ProviderError}, which counts against the provider's breaker.
 */
export function cappedFetch(provider: ProviderName, maxBytes: number, inner: Fetch = fetch): Fetch {
  const tooLarge = (size: string) =>
    new ProviderError(provider, "malformed", `response body ${size} exceeds ${maxBytes} bytes`);
  return async function fetchCapped(input, init) {
    const response = await inner(input, init);
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw tooLarge(`of ${declared} bytes`);
    }
    if (!response.body) return response;
    const reader = response.body.getReader();
    let seen = 0;
    const capped = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        seen += value.byteLength;
        if (seen <= maxBytes) return controller.enqueue(value);
        const error = tooLarge("streamed");
        // Cancelling the source closes the connection: the rest is never downloaded.
        await reader.cancel(error).catch(() => {});
        controller.error(error);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(capped, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
