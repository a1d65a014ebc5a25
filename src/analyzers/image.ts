import type { ImageInput, ImageMimeType } from "./provider";

const MIME_TYPES: readonly ImageMimeType[] = ["image/jpeg", "image/png", "image/webp"];

/** Whether a MIME type (from a Telegram document, say) is one the vision providers take. */
export function isImageMimeType(value: string): value is ImageMimeType {
  return (MIME_TYPES as readonly string[]).includes(value);
}

/** The image's bytes in base64, as Gemini's `inlineData.data` wants them. */
export function base64Of(image: ImageInput): string {
  return Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength).toString(
    "base64",
  );
}

/** The image as a `data:` URL, as OpenAI-style `image_url` parts (Groq, Mistral) want it. */
export function dataUrlOf(image: ImageInput): string {
  return `data:${image.mimeType};base64,${base64Of(image)}`;
}
