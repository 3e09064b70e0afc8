import { z } from 'zod';
import type { Core } from './core';
import { restoreRecord, requireLive, tableName } from './core';
import type { RecordEntity } from './schema';
import { idSchema } from './validation';

/** What the Trash view lists and restores: records a person deletes. */
export const TRASH_ENTITIES = ['organizations', 'partnerships', 'milestones', 'meetings', 'tasks', 'contacts', 'attachments'] as const;
export type TrashEntity = (typeof TRASH_ENTITIES)[number];

const LABEL_COLUMN: Record<TrashEntity, string> = {
  organizations: 'display_name',
  partnerships: 'title',
  milestones: 'title',
  meetings: 'title',
  tasks: 'title',
  contacts: 'name',
  attachments: 'file_name',
};

export const trashRestoreInput = z.strictObject({ entity: z.enum(TRASH_ENTITIES), id: idSchema });

export interface TrashItem {
  entity: TrashEntity;
  id: string;
  label: string;
  deletedAt: string;
}

export function listTrash(core: Core): TrashItem[] {
  const parts = TRASH_ENTITIES.map(
    (entity) =>
      `SELECT '${entity}' AS entity, id, "${LABEL_COLUMN[entity]}" AS label, deleted_at AS deletedAt FROM "${tableName(entity as RecordEntity)}" WHERE deleted_at IS NOT NULL`,
  );
  return core.sqlite.prepare(`${parts.join(' UNION ALL ')} ORDER BY deletedAt DESC LIMIT 1000`).all() as TrashItem[];
}

export function restoreFromTrash(core: Core, input: z.output<typeof trashRestoreInput>): TrashItem[] {
  requireLive(core, input.entity, input.id, true);
  restoreRecord(core, input.entity, input.id);
  return listTrash(core);
}
