import { describe, expect, it } from "bun:test";
import type { Message } from "grammy/types";
import { pickImage } from "./image-input";

const MB = 1024 * 1024;
const size = (id: string, side: number, bytes: number) => ({
  file_id: id,
  file_unique_id: id,
  width: side,
  height: side,
  file_size: bytes,
});

describe("pickImage", () => {
  it("takes the largest photo size within the limit", () => {
    const message = {
      photo: [size("small", 90, 2000), size("big", 1280, 4 * MB), size("huge", 4000, 7 * MB)],
    } as Message;

    expect(pickImage(message)).toEqual({
      kind: "image",
      ref: { fileId: "big", mimeType: "image/jpeg", size: 4 * MB },
    });
  });

  it("refuses a photo or image file whose every size is over the limit", () => {
    expect(pickImage({ photo: [size("huge", 4000, 6 * MB)] } as Message)).toEqual({
      kind: "too_large",
    });
    const document = {
      file_id: "d",
      file_unique_id: "d",
      mime_type: "image/png",
      file_size: 9 * MB,
    };
    expect(pickImage({ document } as Message)).toEqual({ kind: "too_large" });
  });

  it("reads a screenshot sent as a PNG file, and nothing from a PDF", () => {
    const png = { file_id: "p", file_unique_id: "p", mime_type: "image/png", file_size: 1000 };
    const pdf = {
      file_id: "f",
      file_unique_id: "f",
      mime_type: "application/pdf",
      file_size: 1000,
    };

    expect(pickImage({ document: png } as Message)).toEqual({
      kind: "image",
      ref: { fileId: "p", mimeType: "image/png", size: 1000 },
    });
    expect(pickImage({ document: pdf } as Message)).toEqual({ kind: "none" });
  });
});
