/** A method call's parameters, merged from the query string and the body. */
export type Payload = Record<string, unknown>;

/** A file uploaded in a multipart request (`attach://<field>` names its field). */
export interface UploadedFile {
  readonly file: string;
  readonly size: number;
  readonly bytes: Uint8Array;
}

/** The body could not be read as JSON or form data. */
export class PayloadError extends Error {
  override name = "PayloadError";
}

/**
 * Reads parameters the ways the Bot API accepts them: query string, JSON, urlencoded or
 * multipart form. Form fields holding JSON (reply_markup, commands) are decoded; uploaded files
 * are kept with their name, size and bytes (see {@link UploadedFile}).
 */
export async function readPayload(request: Request): Promise<Payload> {
  const url = new URL(request.url);
  const payload: Payload = {};
  for (const [key, value] of url.searchParams) payload[key] = fromFormField(value);
  const type = request.headers.get("content-type") ?? "";
  if (request.method !== "POST") return payload;

  if (type.includes("application/json")) {
    const text = await request.text();
    if (text.trim() === "") return payload;
    const body = parseJson(text);
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new PayloadError("can't parse JSON object");
    }
    return { ...payload, ...body };
  }
  if (type.includes("multipart/form-data") || type.includes("application/x-www-form-urlencoded")) {
    const form = await request.formData().catch((cause: unknown) => {
      throw new PayloadError("can't parse form data", { cause });
    });
    for (const [key, value] of form) {
      payload[key] =
        typeof value === "string"
          ? fromFormField(value)
          : ({
              file: value.name,
              size: value.size,
              bytes: new Uint8Array(await value.arrayBuffer()),
            } satisfies UploadedFile);
    }
  }
  return payload;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new PayloadError("can't parse JSON object", { cause });
  }
}

function fromFormField(value: string): unknown {
  if (!/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** An integer parameter, given as a number or a numeric string. */
export function int(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

/** A boolean parameter, given as a boolean or as "true"/"1" in forms. */
export function bool(value: unknown): boolean {
  return value === true || value === "true" || value === "True" || value === "1" || value === 1;
}

/** A string parameter; numbers are accepted as Telegram accepts them. */
export function str(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

/** Drops undefined fields, so built values compare equal to what Telegram would send. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
