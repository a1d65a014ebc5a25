import type { ReminderRow } from "../db/habit-reads";
import { answer, type Decision, ensureUser, type Learner, type Unavailable } from "./learner";
import { isReminderHour, isUtcOffset, nextSlot } from "./reminder-rules";

/** A change asked for in /reminders. */
export type ReminderChange =
  | { readonly kind: "set"; readonly hour: number; readonly offsetMinutes: number }
  | { readonly kind: "off" };

export interface ReminderSetting {
  readonly enabled: boolean;
  readonly hour: number;
  readonly offsetMinutes: number;
}

export type RemindersReply =
  | { readonly ok: true; readonly setting: ReminderSetting | undefined }
  /** An hour in the quiet hours or an offset not offered (a forged button). */
  | { readonly ok: false; readonly reason: "invalid" }
  | Unavailable;

const settingOf = (row: ReminderRow | undefined): ReminderSetting | undefined =>
  row && { enabled: row.enabled, hour: row.hour, offsetMinutes: row.offsetMinutes };

/**
 * /reminders: shows the setting (`change` undefined), turns the reminder on at a local hour
 * and UTC offset, or turns it off. Only hours outside the quiet hours and offered offsets are
 * accepted; turning on (again) makes a user marked unreachable reachable again.
 */
export function decideReminders(
  state: Learner,
  current: ReminderRow | undefined,
  change: ReminderChange | undefined,
  now: number,
): Decision<RemindersReply> {
  if (!change) return answer({ ok: true, setting: settingOf(current) }, state);
  if (change.kind === "off") {
    if (!current?.enabled) return answer({ ok: true, setting: settingOf(current) }, state);
    const { hour, offsetMinutes, nextAt } = current;
    return {
      reply: { ok: true, setting: { enabled: false, hour, offsetMinutes } },
      next: state,
      writes: [
        { type: "setReminder", userId: state.id, enabled: false, hour, offsetMinutes, nextAt },
      ],
    };
  }
  const { hour, offsetMinutes } = change;
  if (!isReminderHour(hour) || !isUtcOffset(offsetMinutes)) {
    return answer({ ok: false, reason: "invalid" }, state);
  }
  const nextAt = nextSlot(hour, offsetMinutes, now);
  return {
    reply: { ok: true, setting: { enabled: true, hour, offsetMinutes } },
    next: { ...state, persisted: true },
    writes: [
      ensureUser(state, state.lang, now),
      { type: "setReminder", userId: state.id, enabled: true, hour, offsetMinutes, nextAt },
    ],
  };
}
