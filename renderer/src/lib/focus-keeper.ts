import { focusPageHeading } from '../components/Dialog';

/**
 * Focus never drops to <body> when what had it goes away. A row deleted, restored from the trash or
 * completed takes its controls with it, and the browser then leaves focus on <body>: the next Tab
 * starts again at the top of the window. This keeper notes the last focused element in <main>
 * (where in its list it was), and when that element leaves the page while nothing has focus, it
 * focuses the row that took its place: the same control in the next row, or in the previous one at
 * the end of the list, or the page's heading when the list is gone.
 *
 * It does nothing for dialogs, menus and toasts (outside <main>: a dialog gives focus back to its
 * opener itself), nor after a change of view (the new view's heading takes focus then).
 */
const ROW = 'li, tr, [role="row"]';
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Place {
  element: HTMLElement;
  /** The row it was in, that row's list and its position there; null outside a list. */
  row: { list: Element; index: number; control: number } | null;
  hash: string;
}

function placeOf(element: HTMLElement): Place | null {
  const main = document.querySelector('main');
  if (!main?.contains(element)) return null;
  const row = element.closest(ROW);
  if (!row?.parentElement || !main.contains(row)) return { element, row: null, hash: location.hash };
  const control = row === element ? -1 : [...row.querySelectorAll(FOCUSABLE)].indexOf(element);
  return { element, row: { list: row.parentElement, index: [...row.parentElement.children].indexOf(row), control }, hash: location.hash };
}

const drawn = (element: Element): element is HTMLElement =>
  element instanceof HTMLElement && element.getAttribute('aria-hidden') !== 'true' && element.getClientRects().length > 0;

/** The same control in `row` as the lost one had in its row, else its first control, else the row. */
function controlIn(row: HTMLElement, control: number): HTMLElement | null {
  const controls = [...row.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(drawn);
  if (control === -1 && row.tabIndex >= 0) return row;
  return controls[control] ?? controls[0] ?? (row.tabIndex >= 0 ? row : null);
}

function recover(place: Place): void {
  if (location.hash !== place.hash) return;
  const { row } = place;
  if (row?.list.isConnected) {
    const rows = [...row.list.children];
    for (const candidate of [rows[row.index], rows[row.index - 1], ...rows.slice(row.index + 1), ...rows.slice(0, row.index - 1).reverse()]) {
      if (!candidate || !drawn(candidate)) continue;
      const target = controlIn(candidate, row.control);
      if (target) {
        target.focus();
        return;
      }
    }
  }
  focusPageHeading();
}

export function installFocusKeeper(): () => void {
  let last: Place | null = null;
  const onFocusIn = (event: FocusEvent) => {
    last = event.target instanceof HTMLElement ? placeOf(event.target) : null;
  };
  const observer = new MutationObserver(() => {
    if (!last || last.element.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body) {
      last = null;
      return;
    }
    const place = last;
    last = null;
    recover(place);
  });
  document.addEventListener('focusin', onFocusIn);
  observer.observe(document.body, { childList: true, subtree: true });
  return () => {
    document.removeEventListener('focusin', onFocusIn);
    observer.disconnect();
  };
}
