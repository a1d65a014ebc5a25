import type { Context } from "grammy";
import type { Ref } from "nact";
import type { UserMsg } from "../actors/user";
import type { MessageKey, Params } from "../i18n/i18n";
import type { Lang } from "../i18n/lang";
import type { Logger } from "../logger";

/** The per-update additions every feature can rely on. */
export interface RvxFlavor {
  /** The language to answer in: the user's choice, else their Telegram language. */
  lang: Lang;
  /** Translates into `lang`. */
  t(key: MessageKey, params?: Params): string;
  /** A child logger carrying update_id and user_id. */
  log: Logger;
  /**
   * Set when the update came through the durable inbox: requests then carry its update_id, so
   * handling it again applies no effect twice.
   */
  inboxUpdateId?: number;
  /** Asks this update's user actor (only for updates that have a sender). */
  askUser<Res>(make: (replyTo: Ref<Res>) => UserMsg, timeoutMs?: number): Promise<Res>;
}

export type BotContext = Context & RvxFlavor;
