import { scaleBand, scaleLinear } from "d3-scale";
import { type MessageKey, t } from "../i18n/i18n";
import type { Lang } from "../i18n/lang";

/** One UTC day of the week shown. */
export interface DayProgress {
  /** UTC day number (days since 1970-01-01), as `utcDay` gives it. */
  readonly day: number;
  /** XP earned that day. */
  readonly xp: number;
  /** A lesson, quiz or explanation happened that day, so it counts for the streak. */
  readonly active: boolean;
}

/** What the weekly picture shows. */
export interface WeeklyProgress {
  /** The last seven UTC days, oldest first, today last. */
  readonly days: readonly DayProgress[];
  readonly level: number;
  /** Total XP. */
  readonly xp: number;
  /** Total XP at which the current level began. */
  readonly levelStartXp: number;
  /** Total XP for the next level; undefined at the top level. */
  readonly nextLevelXp: number | undefined;
  /** Current streak in days. */
  readonly streak: number;
}

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 450;
export const CHART_FONT = "Noto Sans";

const DAY_MS = 86_400_000;
const PAD = 40;
const COLOR = {
  background: "#ffffff",
  text: "#1b2030",
  muted: "#6b7280",
  bar: "#8ea2f5",
  today: "#3d5be0",
  empty: "#e6e8ef",
  line: "#d5d9e2",
  track: "#e6e8ef",
  level: "#1f9d63",
  streak: "#f07113",
} as const;

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

interface TextOptions {
  readonly size: number;
  readonly fill?: string;
  readonly weight?: 400 | 700;
  readonly anchor?: "start" | "middle" | "end";
}

function text(x: number, y: number, content: string, o: TextOptions): string {
  const weight = o.weight === 700 ? ' font-weight="700"' : "";
  const anchor = o.anchor && o.anchor !== "start" ? ` text-anchor="${o.anchor}"` : "";
  return `<text x="${x}" y="${y}" font-size="${o.size}" fill="${o.fill ?? COLOR.text}"${weight}${anchor}>${esc(content)}</text>`;
}

const dateOf = (day: number): Date => new Date(day * DAY_MS);

/** "Mon" / "Пн": ICU gives Russian weekdays in lower case; labels start with a capital. */
function weekday(day: number, lang: Lang): string {
  const name = new Intl.DateTimeFormat(lang, { weekday: "short", timeZone: "UTC" }).format(
    dateOf(day),
  );
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

function dateRange(first: number, last: number, lang: Lang): string {
  const format = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", timeZone: "UTC" });
  return format.formatRange(dateOf(first), dateOf(last));
}

function streakLabel(days: number, lang: Lang): string {
  if (days <= 0) return t(lang, "progress_chart.streak_none");
  const form = new Intl.PluralRules(lang).select(days);
  const key = `progress_chart.streak_${form === "zero" || form === "two" ? "other" : form}`;
  return t(lang, key as MessageKey, { days });
}

function header(input: WeeklyProgress, lang: Lang, num: (n: number) => string): string {
  const first = input.days[0]?.day ?? 0;
  const last = input.days[input.days.length - 1]?.day ?? first;
  const total = input.days.reduce((sum, d) => sum + d.xp, 0);
  const active = input.days.filter((d) => d.active).length;
  const right = CHART_WIDTH - PAD;
  return [
    text(PAD, 62, t(lang, "progress_chart.title"), { size: 30, weight: 700 }),
    text(PAD, 90, dateRange(first, last, lang), { size: 16, fill: COLOR.muted }),
    text(right, 62, t(lang, "progress_chart.total", { xp: num(total) }), {
      size: 30,
      weight: 700,
      fill: COLOR.today,
      anchor: "end",
    }),
    text(right, 90, t(lang, "progress_chart.total_caption", { active }), {
      size: 16,
      fill: COLOR.muted,
      anchor: "end",
    }),
  ].join("");
}

function bars(input: WeeklyProgress, lang: Lang, num: (n: number) => string): string {
  const top = 130;
  const baseline = 300;
  const x = scaleBand<number>()
    .domain(input.days.map((d) => d.day))
    .range([PAD, CHART_WIDTH - PAD])
    .paddingInner(0.35)
    .paddingOuter(0.1);
  const max = Math.max(10, ...input.days.map((d) => d.xp));
  const y = scaleLinear().domain([0, max]).nice().range([baseline, top]);
  const today = input.days[input.days.length - 1]?.day;
  const width = x.bandwidth();
  const parts = input.days.map((d) => {
    const left = x(d.day) ?? 0;
    const middle = left + width / 2;
    const isToday = d.day === today;
    const height = d.xp > 0 ? Math.max(4, baseline - y(d.xp)) : 4;
    const fill = d.xp > 0 ? (isToday ? COLOR.today : COLOR.bar) : COLOR.empty;
    const dot = d.active
      ? `<circle cx="${middle}" cy="${baseline + 58}" r="5" fill="${COLOR.streak}"/>`
      : `<circle cx="${middle}" cy="${baseline + 58}" r="4.5" fill="none" stroke="${COLOR.line}" stroke-width="1.5"/>`;
    return [
      `<rect x="${left}" y="${baseline - height}" width="${width}" height="${height}" rx="6" fill="${fill}"/>`,
      // A zero needs no number: the flat grey stub already says it.
      d.xp > 0
        ? text(middle, baseline - height - 10, num(d.xp), {
            size: 17,
            weight: 700,
            anchor: "middle",
          })
        : "",
      text(middle, baseline + 30, weekday(d.day, lang), {
        size: 17,
        weight: isToday ? 700 : 400,
        fill: isToday ? COLOR.today : COLOR.text,
        anchor: "middle",
      }),
      dot,
    ].join("");
  });
  const axis = `<line x1="${PAD}" y1="${baseline + 0.5}" x2="${CHART_WIDTH - PAD}" y2="${baseline + 0.5}" stroke="${COLOR.line}"/>`;
  return axis + parts.join("");
}

function footer(input: WeeklyProgress, lang: Lang, num: (n: number) => string): string {
  const y = 410;
  const barX = PAD + 150;
  const barWidth = 300;
  const next = input.nextLevelXp;
  const span = next === undefined ? 1 : Math.max(1, next - input.levelStartXp);
  const done =
    next === undefined ? span : Math.min(span, Math.max(0, input.xp - input.levelStartXp));
  const fillWidth = Math.round((barWidth * done) / span);
  const caption =
    next === undefined
      ? t(lang, "progress_chart.max_level")
      : t(lang, "progress_chart.to_next", {
          done: num(done),
          need: num(span),
          next: input.level + 1,
        });
  const flameX = CHART_WIDTH - PAD - 10;
  return [
    text(PAD, y + 6, t(lang, "progress_chart.level", { level: input.level }), {
      size: 20,
      weight: 700,
    }),
    `<rect x="${barX}" y="${y - 10}" width="${barWidth}" height="14" rx="7" fill="${COLOR.track}"/>`,
    fillWidth > 0
      ? `<rect x="${barX}" y="${y - 10}" width="${fillWidth}" height="14" rx="7" fill="${COLOR.level}"/>`
      : "",
    text(barX, y + 28, caption, { size: 14, fill: COLOR.muted }),
    `<circle cx="${flameX}" cy="${y - 1}" r="7" fill="${input.streak > 0 ? COLOR.streak : COLOR.line}"/>`,
    text(flameX - 18, y + 6, streakLabel(input.streak, lang), {
      size: 20,
      weight: 700,
      fill: input.streak > 0 ? COLOR.text : COLOR.muted,
      anchor: "end",
    }),
  ].join("");
}

/**
 * The weekly picture as SVG markup: a title with the week's dates and XP total, a bar per day
 * with its localized weekday and a dot for days that count for the streak, the level bar and
 * the streak. Text uses {@link CHART_FONT}, which the rasterizer must be given.
 */
export function progressChartSvg(input: WeeklyProgress, lang: Lang): string {
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const num = (n: number) => numbers.format(n);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${CHART_FONT}">`,
    `<rect width="100%" height="100%" fill="${COLOR.background}"/>`,
    header(input, lang, num),
    bars(input, lang, num),
    `<line x1="${PAD}" y1="372" x2="${CHART_WIDTH - PAD}" y2="372" stroke="${COLOR.empty}"/>`,
    footer(input, lang, num),
    "</svg>",
  ].join("");
}
