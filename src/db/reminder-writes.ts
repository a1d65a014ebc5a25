import type { Database } from "bun:sqlite";
import { assertNever } from "../errors";

/** The daily reminder and a user's reachability. Only the DB-writer applies these. */
export type ReminderWrite =
  /** Turns the daily reminder on (at `hour` local time) or off; on also clears inactive_at. */
  | {
      readonly type: "setReminder";
      readonly userId: number;
      readonly enabled: boolean;
      readonly hour: number;
      readonly offsetMinutes: number;
      readonly nextAt: number;
    }
  /** Moves a due reminder to its next time, before it is sent (so it is never sent twice). */
  | { readonly type: "reminderDue"; readonly userId: number; readonly nextAt: number }
  | { readonly type: "reminderSent"; readonly userId: number; readonly at: number }
  /** Telegram refused with 403: the user blocked the bot. Stops reminders, marks inactive. */
  | { readonly type: "userUnreachable"; readonly userId: number; readonly at: number };

/** Prepares the statements once and returns a function applying one reminder write. */
export function createReminderWriteApplier(db: Database): (write: ReminderWrite) => void {
  const setReminder = db.prepare(
    `INSERT INTO reminders (user_id, enabled, hour, offset_minutes, next_at)
     VALUES ($userId, $enabled, $hour, $offset, $nextAt)
     ON CONFLICT(user_id) DO UPDATE SET enabled = excluded.enabled, hour = excluded.hour,
       offset_minutes = excluded.offset_minutes, next_at = excluded.next_at`,
  );
  const reactivate = db.prepare("UPDATE users SET inactive_at = NULL WHERE id = $userId");
  const reminderDue = db.prepare("UPDATE reminders SET next_at = $nextAt WHERE user_id = $userId");
  const reminderSent = db.prepare("UPDATE reminders SET sent_at = $at WHERE user_id = $userId");
  const stopReminders = db.prepare("UPDATE reminders SET enabled = 0 WHERE user_id = $userId");
  const markInactive = db.prepare("UPDATE users SET inactive_at = $at WHERE id = $userId");
  return (write) => {
    switch (write.type) {
      case "setReminder": {
        const { userId, hour, offsetMinutes: offset, nextAt } = write;
        setReminder.run({ userId, enabled: write.enabled ? 1 : 0, hour, offset, nextAt });
        if (write.enabled) reactivate.run({ userId });
        return;
      }
      case "reminderDue":
        return void reminderDue.run({ userId: write.userId, nextAt: write.nextAt });
      case "reminderSent":
        return void reminderSent.run({ userId: write.userId, at: write.at });
      case "userUnreachable":
        stopReminders.run({ userId: write.userId });
        return void markInactive.run({ userId: write.userId, at: write.at });
      default:
        return assertNever(write);
    }
  };
}
