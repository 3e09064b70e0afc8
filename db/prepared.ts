/**
 * Prepared drizzle queries, built once per connection. Building a query with drizzle's query
 * builder costs more than running a small indexed SELECT (bench: drizzle.rawRatio.*), so the
 * hottest fixed-shape queries are built once with `sql.placeholder`s and then only run.
 */
import type Database from 'better-sqlite3';
import type { Core } from './core';

export function perConnection<T>(build: (core: Core) => T): (core: Core) => T {
  const built = new WeakMap<Core, T>();
  return (core) => {
    let value = built.get(core);
    if (value === undefined) {
      value = build(core);
      built.set(core, value);
    }
    return value;
  };
}

const byText = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** Shapes kept per connection before the cache starts again (a record write has a few per table). */
const MAX_CACHED = 500;

/**
 * The statement for `text`, compiled once per connection: better-sqlite3 compiles on every `prepare`, which was a
 * third of a record write's time (a spreadsheet import writes thousands in a row).
 */
export function statementOf(sqlite: Database.Database, text: string): Database.Statement {
  let cache = byText.get(sqlite);
  if (!cache) byText.set(sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) {
    if (cache.size >= MAX_CACHED) cache.clear();
    statement = sqlite.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}
