import { Composer } from "grammy";
import type { ReminderChange, RemindersReply } from "../../actors/user";
import type { Clock } from "../../clock";
import { assertNever } from "../../errors";
import { parseReminderButton, REMINDER_CALLBACK } from "../callback-data";
import type { BotContext } from "../context";
import { hourPicker, reminderStatus, zonePicker } from "../screens/reminder-screens";
import { edit } from "./learn";

/**
 * /reminders: the daily reminder's setting, a time zone picker (each zone shown with its local
 * time now) and an hour picker that offers only 08:00–21:00. Off until the user picks an hour.
 * A forged or out-of-range button gets a clear answer and changes nothing.
 */
export function remindersFeature(clock: Clock): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const ask = (ctx: BotContext, change?: ReminderChange) =>
    ctx.askUser<RemindersReply>((replyTo) => ({
      type: "reminders",
      ...(change ? { change } : {}),
      replyTo,
    }));

  feature.command("reminders", async (ctx) => {
    const reply = await ask(ctx);
    if (!reply.ok) return ctx.reply(ctx.t("error.generic"));
    const screen = reminderStatus(ctx, reply.setting);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  });

  feature.callbackQuery(REMINDER_CALLBACK, async (ctx) => {
    const button = parseReminderButton(ctx.callbackQuery.data);
    if (!button) return ctx.answerCallbackQuery({ text: ctx.t("reminders.bad_button") });
    switch (button.kind) {
      case "zones": {
        await ctx.answerCallbackQuery();
        const screen = zonePicker(ctx, clock.now());
        return edit(ctx, screen.text, screen.keyboard);
      }
      case "hours": {
        await ctx.answerCallbackQuery();
        const screen = hourPicker(ctx, button.offsetMinutes);
        return edit(ctx, screen.text, screen.keyboard);
      }
      case "set":
      case "off": {
        const change: ReminderChange =
          button.kind === "off"
            ? { kind: "off" }
            : { kind: "set", hour: button.hour, offsetMinutes: button.offsetMinutes };
        const reply = await ask(ctx, change);
        if (!reply.ok) {
          const key = reply.reason === "invalid" ? "reminders.bad_button" : "error.generic";
          return ctx.answerCallbackQuery({ text: ctx.t(key) });
        }
        const toast = button.kind === "off" ? "reminders.saved_off" : "reminders.saved";
        await ctx.answerCallbackQuery({ text: ctx.t(toast) });
        const screen = reminderStatus(ctx, reply.setting);
        return edit(ctx, screen.text, screen.keyboard);
      }
      default:
        return assertNever(button);
    }
  });
  return feature;
}
