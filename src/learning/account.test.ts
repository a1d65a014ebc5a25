import { describe, expect, it } from "bun:test";
import {
  decideCancel,
  decideConfirmDelete,
  decideHello,
  decideRequestDelete,
  decideSetLanguage,
} from "./account";
import { freshLearner, type Learner } from "./learner";

const NOW = Date.UTC(2026, 10, 30, 10);
const known = (over: Partial<Learner> = {}): Learner => ({
  ...freshLearner(5, "en"),
  firstName: "Bo",
  persisted: true,
  lastSeenAt: NOW - 1000,
  ...over,
});

describe("account rules", () => {
  it("greets a new user in Telegram's language and queues the profile after the reply", () => {
    const d = decideHello(
      freshLearner(5, "en"),
      { firstName: "Вера", languageCode: "ru" },
      "en",
      NOW,
    );
    expect(d.reply).toEqual({ ok: true, lang: "ru", banned: false, firstName: "Вера" });
    expect(d.writes).toEqual([]);
    expect(d.background).toEqual([
      { type: "ensureUser", userId: 5, firstName: "Вера", lang: "ru", at: NOW },
    ]);
    expect(d.next).toMatchObject({ persisted: true, lastSeenAt: NOW });
  });

  it("writes nothing for a user already seen today under the same name", () => {
    const d = decideHello(known(), { firstName: "Bo", languageCode: "en" }, "en", NOW);
    expect(d.writes).toEqual([]);
    expect(d.background).toBeUndefined();
  });

  it("keeps a chosen language over Telegram's", () => {
    const d = decideHello(
      known({ lang: "ru", langChosen: true }),
      { firstName: "Bo", languageCode: "en" },
      "en",
      NOW,
    );
    expect(d.reply).toMatchObject({ lang: "ru" });
  });

  it("commits a language choice before saying it is set", () => {
    const d = decideSetLanguage(known(), "ru", NOW);
    expect(d.writes.map((w) => w.type)).toEqual(["ensureUser", "setLanguage"]);
    expect(d.next).toMatchObject({ lang: "ru", langChosen: true });
  });

  it("erases only with the token just issued, and forgets it on cancel", () => {
    const asked = decideRequestDelete(known(), "abcd1234").next;
    expect(decideConfirmDelete(asked, "ffff0000", "en")).toEqual({
      reply: { ok: true, done: false },
      next: asked,
      writes: [],
    });
    const done = decideConfirmDelete(asked, "abcd1234", "en");
    expect(done.reply).toEqual({ ok: true, done: true });
    expect(done.writes).toEqual([{ type: "deleteUser", userId: 5 }]);
    expect(done.next).toEqual(freshLearner(5, "en"));
    const cancelled = decideCancel(asked);
    expect(cancelled.reply).toEqual({ ok: true, done: true });
    expect(cancelled.next.pending).toBeUndefined();
  });
});
