import regularFont from "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf" with {
  type: "file",
};
import boldFont from "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf" with {
  type: "file",
};
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import resvgWasm from "@resvg/resvg-wasm/index_bg.wasm" with { type: "file" };
import type { Lang } from "../i18n/lang";
import { CHART_FONT, progressChartSvg, type WeeklyProgress } from "./progress-chart-svg";

export type { DayProgress, WeeklyProgress } from "./progress-chart-svg";
export { CHART_HEIGHT, CHART_WIDTH, progressChartSvg } from "./progress-chart-svg";

interface Engine {
  readonly fonts: Uint8Array[];
}

// resvg-wasm keeps one WebAssembly instance per process and refuses a second `initWasm`, so the
// engine is loaded once here rather than per caller. The files are embedded by `bun build
// --compile` (the `type: "file"` imports), so nothing is read from the system at run time.
let engine: Promise<Engine> | undefined;

async function loadEngine(): Promise<Engine> {
  const read = (path: string) => Bun.file(path).bytes();
  const [wasm, regular, bold] = await Promise.all([
    read(resvgWasm),
    read(regularFont),
    read(boldFont),
  ]);
  await initWasm(wasm);
  return { fonts: [regular, bold] };
}

function ready(): Promise<Engine> {
  engine ??= loadEngine().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

/**
 * Loads the renderer and draws one throwaway week, so the first `/progress` of the process
 * does not pay for compiling and warming up the WebAssembly (150-250 ms on a 2-core machine;
 * see scripts/bench/progress-chart.ts). Optional: call it once at startup, off the request path.
 */
export async function warmUpProgressChart(): Promise<void> {
  const days = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, xp: day * 10, active: day > 2 }));
  const week = { days, level: 2, xp: 60, levelStartXp: 50, nextLevelXp: 120, streak: 4 };
  await Promise.all([renderWeeklyProgress(week, "ru"), renderWeeklyProgress(week, "en")]);
}

/**
 * Rasterizes SVG markup to PNG bytes with the embedded fonts ({@link CHART_FONT} regular and
 * bold); no system fonts are looked up.
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { fonts } = await ready();
  const resvg = new Resvg(svg, {
    font: { fontBuffers: fonts, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    textRendering: 1,
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/**
 * Renders the weekly progress picture (see {@link progressChartSvg}) to PNG bytes,
 * {@link CHART_WIDTH}×{@link CHART_HEIGHT}. The same input and language give the same bytes.
 */
export const renderWeeklyProgress = (input: WeeklyProgress, lang: Lang): Promise<Uint8Array> =>
  svgToPng(progressChartSvg(input, lang));
