import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { applyMigrations, loadMigrations } from '../../../db/open';
import { tempDir } from '../../helpers';
import { fillAtVersion1, snapshotRows, FILL_ROWS } from './fill';

describe('migration 0000: initial schema', () => {
  it('creates every table of the data model on an empty file, and rows of every kind can be written', () => {
    const sqlite = new Database(path.join(tempDir(), 'new.db'));
    applyMigrations(sqlite, loadMigrations().slice(0, 1));
    fillAtVersion1(sqlite);
    const rows = snapshotRows(sqlite);
    expect(Object.keys(rows).sort()).toEqual(
      [
        'attachments', 'blobs', 'change_log', 'conflicts', 'contacts', 'duplicate_candidates', 'meeting_attendees',
        'meeting_partnerships', 'meetings', 'meta', 'milestones', 'organizations', 'partnership_parties',
        'partnership_status_history', 'partnerships', 'programmes', 'sync_log', 'tasks',
      ].sort(),
    );
    expect(rows.meetings).toHaveLength(FILL_ROWS);
    sqlite.pragma('foreign_keys = ON');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });
});
