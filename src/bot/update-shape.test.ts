import { describe, expect, it } from "bun:test";
import { isWellFormedUpdate } from "./update-shape";

const chat = { id: 5, type: "private" };
const message = { message_id: 1, date: 1, chat, from: { id: 5, is_bot: false, first_name: "A" } };

describe("isWellFormedUpdate", () => {
  it("accepts messages, callback queries (even on an inaccessible message) and other kinds", () => {
    const accepted = [
      { update_id: 1, message },
      { update_id: 2, edited_message: message },
      { update_id: 3, callback_query: { id: "q", from: { id: 5 }, chat_instance: "c", message } },
      {
        update_id: 4,
        callback_query: { id: "q", from: { id: 5 }, message: { ...message, date: 0 } },
      },
      { update_id: 5, my_chat_member: {} },
    ];
    expect(accepted.map(isWellFormedUpdate)).toEqual(accepted.map(() => true));
  });

  it("rejects what is not an update or lacks the ids RVX relies on", () => {
    const rejected = [
      null,
      [],
      "update",
      { update_id: 1.5 },
      { update_id: 1, message: { chat: {} } },
      { update_id: 1, message: { ...message, chat: { id: "5", type: "private" } } },
      { update_id: 1, message: { ...message, from: {} } },
      { update_id: 1, callback_query: { id: 7, from: { id: 5 } } },
      { update_id: 1, callback_query: { id: "q" } },
    ];
    expect(rejected.map(isWellFormedUpdate)).toEqual(rejected.map(() => false));
  });
});
