/**
 * Prepared drizzle queries, built once per connection. Building a query with drizzle's query
 * builder costs more than running a small indexed SELECT (bench: drizzle.rawRatio.*), so the
 * hottest fixed-shape queries are built once with `sql.placeholder`s and then only run.
 */
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
