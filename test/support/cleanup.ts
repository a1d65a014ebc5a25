import { afterAll } from "bun:test";
import { killLeftovers } from "./process";

// Preloaded for every test file (bunfig.toml): no RVX child process a failed test left running
// outlives its file. (Not afterEach: several files share one process across their tests.)
afterAll(killLeftovers);
