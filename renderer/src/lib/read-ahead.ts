/**
 * A view's first read, asked for as soon as the address changes to it (route.ts), before the view draws: its call
 * runs while the view renders, and the view reads the very same query (one call, not two). The meeting log.
 * And once the first screen has what it reads and the page is idle (App.tsx), the log's first page once more: opening
 * the log then draws its rows in its first frame, and reads them again behind them, as any screen opened again does.
 */
import { localDay } from '@common/calendar';
import { prefetchApi, prefetchWindow, type WindowOptions } from '../useApi';
import type { Route } from '../route';

/**
 * How the meeting log reads (MeetingsView): pages of 100 rows, 60 rows either side of those drawn read with them, and
 * a jump read once the view has stayed put for 150 ms. The rows drawn at the top and their margin fit in the first
 * page, so opening the log is one call; a page of 200 rows took the server twice as long to hand over.
 */
export const MEETING_LOG_WINDOW: WindowOptions = { pageSize: 100, margin: 60, jumpPauseMs: 150 };

/** Start the first read of the view at `route`, if it has one worth starting early. */
export function readAhead(route: Route): void {
  // The log opens unfiltered, at its top.
  if (route.view === 'meetings' && route.id === null) prefetchWindow('meetings.list', {}, MEETING_LOG_WINDOW);
  // The dashboard, for today (DashboardView).
  if (route.view === 'dashboard') prefetchApi('dashboard.get', { today: localDay() });
}

/**
 * At the start, before React draws anything (main.tsx): the shell's reads (the office's name, the bell) and the first
 * view's. Their calls run while the app's code starts and draws, and the first screen often draws with its data.
 */
export function readAheadAtStart(route: Route): void {
  prefetchApi('app.info');
  prefetchApi('reminders.list', { today: localDay() });
  readAhead(route);
}

/** The first page of the log, read at rest (see above): its answer kept in the query cache for when the log opens. */
export function readAheadAtRest(): void {
  readAhead({ view: 'meetings', id: null });
}
