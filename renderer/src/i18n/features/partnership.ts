/** Messages of the partnership screens, in both languages (the zh object must have exactly the en keys). */
const en = {
  title: '',
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

const zh: Widen<typeof en> = {
  title: '',
};

export const partnershipMessages = { en, zh };
