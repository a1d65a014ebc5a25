import { describe, expect, it } from "bun:test";
import { join } from "node:path";
import { runRvx, tempDir } from "../support/process";

describe("console mode", () => {
  it("answers piped lines, prints every reply and exits 0", async () => {
    using dir = tempDir();
    const { stdout, code } = await runRvx([], {
      env: { DATABASE_PATH: join(dir.path, "rvx.db"), DEFAULT_LANGUAGE: "en" },
      stdin:
        "/start\nSEC approves spot Bitcoin ETF applications from BlackRock and Fidelity\n/profile\n",
    });
    expect(code).toBe(0);
    expect(stdout).toContain("bot: Hi,");
    expect(stdout).toContain("[1] Русский");
    expect(stdout).toContain("[2] English");
    expect(stdout).toMatch(/bot: Offline analysis/);
    expect(stdout).toContain("+5 XP");
    expect(stdout).toContain("5 XP");
    expect(stdout).toContain("Requests left today: 49 of 50");
  });

  it("presses a button when a number is typed", async () => {
    using dir = tempDir();
    const { stdout, code } = await runRvx([], {
      env: { DATABASE_PATH: join(dir.path, "rvx.db"), DEFAULT_LANGUAGE: "en" },
      stdin: "/language\n1\n/help\n",
    });
    expect(code).toBe(0);
    expect(stdout).toContain("bot (edited): Язык: русский.");
    expect(stdout).toContain("Что я умею");
  });

  it("answers unknown commands, refuses flooding and keeps flood and quota state across runs", async () => {
    using dir = tempDir();
    const env = {
      DATABASE_PATH: join(dir.path, "rvx.db"),
      DEFAULT_LANGUAGE: "en",
      DAILY_LIMIT: "1",
    };
    const first = await runRvx([], {
      env,
      stdin: "/nope\nBitcoin halving cuts the block reward\nEthereum ETF sees record inflows\n",
    });
    expect(first.stdout).toContain("I don't know that command");
    expect(first.stdout).toContain("One explanation every 3 s");
    const second = await runRvx([], { env, stdin: "Solana network outage\n" });
    expect(second.stdout).toContain("One explanation every 3 s");
    const third = await runRvx([], {
      env: { ...env, FLOOD_INTERVAL_MS: "0" },
      stdin: "Solana network outage\n",
    });
    expect(third.stdout).toContain("You've used all 1 explanations for today");
  });

  it("stops at start naming a broken variable", async () => {
    const { stderr, code } = await runRvx([], { env: { DAILY_LIMIT: "many" } });
    expect(code).toBe(78);
    expect(stderr).toContain("DAILY_LIMIT");
    expect(stderr).toContain("not a whole number");
  });
});
