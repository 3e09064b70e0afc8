/** Limits that the core enforces and the shells and forms check first (see common/calendar.ts for this folder's rule). */

/** The largest attachment a partnership can hold: the contract refuses one byte more. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** The most partnerships one 'map.titles' names (a place party to every partnership lists them all). */
export const MAP_TITLES_MAX = 10_000;
