/** Errors that reach a person: a stable code and the message in both UI languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'unknown_operation'
  | 'conflict'
  | 'future_database'
  | 'not_a_database'
  | 'corrupt_database'
  | 'migration_failed'
  | 'forbidden'
  | 'cancelled'
  | 'internal';

export interface SerializedAppError {
  code: ErrorCode;
  message: LocalizedText;
  /** Field paths for invalid_input, so a form can mark the fields. */
  fields?: string[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly localized: LocalizedText;
  readonly fields?: string[];

  constructor(code: ErrorCode, message: LocalizedText, fields?: string[]) {
    super(message.en);
    this.name = 'AppError';
    this.code = code;
    this.localized = message;
    if (fields) this.fields = fields;
  }

  toJSON(): SerializedAppError {
    return { code: this.code, message: this.localized, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Anything thrown, as something safe to show: never a stack trace. */
export function toSerializedError(error: unknown): SerializedAppError {
  if (isAppError(error)) return error.toJSON();
  return {
    code: 'internal',
    message: {
      zh: '发生意外错误，未保存任何更改。请重试；如果问题仍然存在，请导出数据库并联系技术支持。',
      en: 'Something unexpected went wrong and nothing was saved. Try again; if it keeps happening, export the database and contact support.',
    },
  };
}

export const notFound = (entity: string, id: string): AppError =>
  new AppError('not_found', {
    zh: `找不到该记录（${entityNames[entity]?.zh ?? entity} ${id}），可能已被删除。`,
    en: `No ${entityNames[entity]?.en ?? entity} with id ${id}; it may have been deleted.`,
  });

export const entityNames: Record<string, LocalizedText> = {
  organizations: { zh: '机构', en: 'organization' },
  programmes: { zh: '项目计划', en: 'programme' },
  partnerships: { zh: '合作关系', en: 'partnership' },
  partnershipParties: { zh: '合作方', en: 'party' },
  partnershipStatusHistory: { zh: '状态记录', en: 'status record' },
  milestones: { zh: '里程碑', en: 'milestone' },
  contacts: { zh: '联系人', en: 'contact' },
  meetings: { zh: '会见', en: 'meeting' },
  meetingPartnerships: { zh: '会见关联', en: 'meeting link' },
  meetingAttendees: { zh: '出席人', en: 'attendee' },
  tasks: { zh: '任务', en: 'task' },
  attachments: { zh: '附件', en: 'attachment' },
};

/** Long work the person stopped (a merge, an export): nothing of it was kept. */
export function cancelledError(what: { zh: string; en: string } = { zh: '已取消，未做任何更改。', en: 'Cancelled. Nothing was changed.' }): AppError {
  return new AppError('cancelled', what);
}
