/** Messages of the Reports view, in both languages. */
const en = {
  title: 'Reports',
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

const zh: Widen<typeof en> = {
  title: '报告',
};

export const reportsMessages = { en, zh };
