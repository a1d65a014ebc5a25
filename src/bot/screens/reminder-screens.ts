import { InlineKeyboard } from "grammy";
import type { ReminderSetting } from "../../actors/user";
import { localTime, REMINDER_HOURS, UTC_OFFSETS } from "../../learning/reminder-rules";
import { reminderData } from "../callback-data";
import type { BotContext } from "../context";

const pad = (n: number) => String(n).padStart(2, "0");

/** `UTC+3`, `UTC−3:30`, `UTC±0`. */
export function zoneLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "UTC±0";
  const sign = offsetMinutes > 0 ? "+" : "−";
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${pad(minutes)}` : ""}`;
}

/** The local time at `now` in a zone, `HH:MM`. */
function clockAt(now: number, offsetMinutes: number): string {
  const local = now + offsetMinutes * 60_000;
  const { hour } = localTime(now, offsetMinutes);
  return `${pad(hour)}:${pad(Math.floor(local / 60_000) % 60)}`;
}

/** The /reminders screen: the setting and what can be changed. */
export function reminderStatus(ctx: BotContext, setting: ReminderSetting | undefined) {
  const keyboard = new InlineKeyboard();
  if (!setting?.enabled) {
    if (setting) {
      const again = {
        kind: "set",
        hour: setting.hour,
        offsetMinutes: setting.offsetMinutes,
      } as const;
      keyboard
        .text(
          ctx.t("reminders.turn_on_at", { time: `${pad(setting.hour)}:00` }),
          reminderData(again),
        )
        .row();
    }
    keyboard.text(ctx.t("reminders.choose"), reminderData({ kind: "zones" }));
    return { text: ctx.t("reminders.off"), keyboard };
  }
  const { hour, offsetMinutes } = setting;
  keyboard
    .text(ctx.t("reminders.change_time"), reminderData({ kind: "hours", offsetMinutes }))
    .text(ctx.t("reminders.change_zone"), reminderData({ kind: "zones" }))
    .row()
    .text(ctx.t("reminders.turn_off"), reminderData({ kind: "off" }));
  const text = ctx.t("reminders.on", { time: `${pad(hour)}:00`, zone: zoneLabel(offsetMinutes) });
  return { text, keyboard };
}

/** Every offered zone with its local time now, so the user can pick by their own clock. */
export function zonePicker(ctx: BotContext, now: number) {
  const keyboard = new InlineKeyboard();
  UTC_OFFSETS.forEach((offsetMinutes, i) => {
    const label = `${zoneLabel(offsetMinutes)} · ${clockAt(now, offsetMinutes)}`;
    keyboard.text(label, reminderData({ kind: "hours", offsetMinutes }));
    if (i % 3 === 2) keyboard.row();
  });
  return { text: ctx.t("reminders.pick_zone"), keyboard };
}

/** The hours a reminder may be set to in a zone (never in the quiet hours). */
export function hourPicker(ctx: BotContext, offsetMinutes: number) {
  const keyboard = new InlineKeyboard();
  REMINDER_HOURS.forEach((hour, i) => {
    keyboard.text(`${pad(hour)}:00`, reminderData({ kind: "set", offsetMinutes, hour }));
    if (i % 4 === 3) keyboard.row();
  });
  keyboard.row().text(ctx.t("reminders.back"), reminderData({ kind: "zones" }));
  return { text: ctx.t("reminders.pick_hour", { zone: zoneLabel(offsetMinutes) }), keyboard };
}
