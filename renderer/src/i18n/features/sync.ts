/** Messages of the Sync view (export, import preview, merge, conflicts, duplicates), in both languages. */
const en = {
  title: 'Sync',
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

const zh: Widen<typeof en> = {
  title: '同步',
};

export const syncMessages = { en, zh };
