import { z } from 'zod';
import type { Core } from './core';
import { escapeLike } from './validation';

export const titleSearchInput = z.strictObject({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(100).optional() });

export type TitleHitKind = 'partnership' | 'organization' | 'meeting' | 'contact' | 'task';

export interface TitleHit {
  kind: TitleHitKind;
  id: string;
  title: string;
  /** Partnership of a task, organization of a contact, date of a meeting. */
  context: string | null;
}

/** Find records by title or name (any of their names), for the Ctrl+K box. Full-text search comes later. */
export function searchTitles(core: Core, input: z.output<typeof titleSearchInput>): TitleHit[] {
  const q = `%${escapeLike(input.query)}%`;
  const limit = input.limit ?? 30;
  return core.sqlite
    .prepare(
      `SELECT * FROM (
         SELECT 'partnership' AS kind, id, coalesce(title_zh, title) AS title, title_en AS context, 0 AS rank FROM partnerships
          WHERE deleted_at IS NULL AND (title LIKE @q ESCAPE '\\' OR title_zh LIKE @q ESCAPE '\\' OR title_en LIKE @q ESCAPE '\\')
         UNION ALL
         SELECT 'organization', id, display_name, country, 1 FROM organizations
          WHERE deleted_at IS NULL AND (display_name LIKE @q ESCAPE '\\' OR name_zh LIKE @q ESCAPE '\\' OR name_en LIKE @q ESCAPE '\\'
                OR name_local LIKE @q ESCAPE '\\' OR aliases LIKE @q ESCAPE '\\')
         UNION ALL
         SELECT 'meeting', id, title, date, 2 FROM meetings WHERE deleted_at IS NULL AND title LIKE @q ESCAPE '\\'
         UNION ALL
         SELECT 'contact', c.id, c.name, o.display_name, 3 FROM contacts c LEFT JOIN organizations o ON o.id = c.organization_id
          WHERE c.deleted_at IS NULL AND c.name LIKE @q ESCAPE '\\'
         UNION ALL
         SELECT 'task', t.id, t.title, p.title, 4 FROM tasks t LEFT JOIN partnerships p ON p.id = t.partnership_id
          WHERE t.deleted_at IS NULL AND t.title LIKE @q ESCAPE '\\'
       ) ORDER BY rank, title LIMIT @limit`,
    )
    .all({ q, limit })
    .map((row) => {
      const { kind, id, title, context } = row as TitleHit;
      return { kind, id, title, context };
    });
}
