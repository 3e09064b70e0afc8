/**
 * Opens a database file in its own process and prints, as one JSON line, what the kill tests compare:
 * the result of each asked pragma and one digest per query (row count and a hash of the rows in order).
 *
 *   node test/inspect-db.cjs <file> <request JSON>
 *   request: { "pragmas": ["quick_check", ...], "queries": { "<part>": "<SELECT ...>" }, "allTables": bool }
 *
 * `allTables` digests every ordinary table (virtual ones left out) in rowid order, or key order without a
 * rowid (a table with its own query in `queries` is digested by that query). Opening the file recovers a WAL left by a killed process, as the app would. This runs outside the
 * test worker: reading and hashing a whole database is long synchronous work that would keep the worker
 * from answering the test runner (vitest's "Timeout calling onTaskUpdate" on a slow machine).
 */
const { createHash } = require('node:crypto');
const Database = require('better-sqlite3');

function digestRows(rows) {
  const hash = createHash('sha256');
  let count = 0;
  for (const row of rows) {
    hash.update(JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString('base64') : value)));
    hash.update('\n');
    count += 1;
  }
  return `${count}:${hash.digest('hex').slice(0, 16)}`;
}

function main() {
  const [file, requestJson] = process.argv.slice(2);
  if (!file || !requestJson) throw new Error('usage: inspect-db.cjs <file> <request JSON>');
  const request = JSON.parse(requestJson);
  const sqlite = new Database(file);
  try {
    const pragmas = {};
    for (const name of request.pragmas ?? []) {
      pragmas[name] = name === 'foreign_key_check' ? sqlite.pragma(name) : sqlite.pragma(name, { simple: true });
    }
    const queries = { ...(request.queries ?? {}) };
    if (request.allTables) {
      const tables = sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
        .pluck()
        .all();
      for (const table of tables) {
        let sql = `SELECT * FROM "${table}" ORDER BY rowid`;
        try {
          sqlite.prepare(sql);
        } catch {
          sql = `SELECT * FROM "${table}"`; // WITHOUT ROWID: its key's order
        }
        if (!(table in queries)) queries[table] = sql; // an asked query for a table stands
      }
    }
    const digest = {};
    for (const [part, sql] of Object.entries(queries)) digest[part] = digestRows(sqlite.prepare(sql).raw().iterate());
    process.stdout.write(JSON.stringify({ pragmas, digest }) + '\n');
  } finally {
    sqlite.close();
  }
}

main();
