import { Database } from "bun:sqlite";
import { describe, expect, it } from "bun:test";
import { createAdminReads } from "./admin-reads";
import { createHabitReads } from "./habit-reads";
import { migrate } from "./migrations";
import { createReads } from "./reads";
import { createWriteApplier } from "./writes";

/** Every SQL statement a module prepares, captured by wrapping `prepare` on its own DB. */
function preparedBy(create: (db: Database) => unknown): string[] {
  const db = migrated();
  const seen: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return prepare(sql);
  }) as Database["prepare"];
  create(db);
  return seen;
}

function migrated(): Database {
  const db = new Database(":memory:");
  migrate(db);
  return db;
}

const db = migrated();
const tables = new Set(
  db
    .query<{ name: string }, []>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .all()
    .map((t) => t.name),
);

function planOf(sql: string): string {
  const params = sql.match(/\?|\$\w+/g) ?? [];
  const named = params.some((p) => p.startsWith("$"));
  const rows = named
    ? db.query(`EXPLAIN QUERY PLAN ${sql}`).all(Object.fromEntries(params.map((p) => [p, 1])))
    : db.query(`EXPLAIN QUERY PLAN ${sql}`).all(...params.map(() => 1));
  return (rows as { detail: string }[]).map((r) => r.detail).join("\n");
}

/** Full scans of a table (not of an index, nor of a subquery's rows). */
function tableScans(plan: string): string[] {
  return [...plan.matchAll(/^SCAN (\w+)(?! USING (COVERING )?INDEX)$/gm)]
    .filter((m) => tables.has(m[1] ?? ""))
    .map((m) => m[0]);
}

describe("query plans", () => {
  const statements = [
    ...preparedBy(createReads),
    ...preparedBy(createWriteApplier),
    ...preparedBy(createAdminReads),
    ...preparedBy(createHabitReads),
  ];

  it.each(statements.map((sql) => [sql.replace(/\s+/g, " ").slice(0, 70), sql]))(
    "uses an index: %s",
    (_, sql) => {
      const plan = planOf(sql);
      expect({ sql, scans: tableScans(plan) }).toEqual({ sql, scans: [] });
    },
  );

  it("found the statements to check", () => {
    expect(statements.length).toBeGreaterThan(20);
  });
});
