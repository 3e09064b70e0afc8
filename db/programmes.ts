/**
 * Programmes (the EU–China Smart City Cooperation, a province's sister-city scheme): created from the partnership
 * form, where a new partnership belongs to one that is not in the list yet. Named in Chinese, English or both.
 */
import { z } from 'zod';
import { insertRecord, type Core } from './core';

import { programmeCreateInput } from '../common/inputs/records';
export { programmeCreateInput };

export interface ProgrammeOption {
  id: string;
  nameZh: string | null;
  nameEn: string | null;
}

export function createProgramme(core: Core, input: z.output<typeof programmeCreateInput>): ProgrammeOption {
  const id = insertRecord(core, 'programmes', {
    nameZh: input.nameZh ?? null,
    nameEn: input.nameEn ?? null,
    startedOn: input.startedOn ?? null,
    description: input.description ?? null,
  });
  return { id, nameZh: input.nameZh ?? null, nameEn: input.nameEn ?? null };
}
