import { useEffect, useLayoutEffect, useRef } from 'react';
import { Drawer, Modal, type DrawerProps, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GuardContext, NestedDraftsProvider, useNestedDrafts, useUnsavedGuard } from '../lib/unsaved';

/**
 * Remember what had focus when a dialog opened, and give focus back to it when the dialog
 * closes: by Esc, Cancel or Save, and whether the parent sets `opened` to false or unmounts the
 * dialog (most parents render `{editing ? <Form … /> : null}`, and Mantine returns focus only on
 * `opened` turning false). If the opener is gone by then (its row was deleted or re-rendered),
 * focus goes to the page's heading, never to <body>.
 */
export function useReturnFocus(opened: boolean): { readonly current: HTMLElement | null } {
  const opener = useRef<HTMLElement | null>(null);
  // Before Mantine's focus trap moves focus into the dialog.
  useLayoutEffect(() => {
    if (!opened) return;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    return () => {
      const target = opener.current;
      opener.current = null;
      // After the dialog's own unmount and focus-trap cleanup.
      window.setTimeout(() => restoreFocus(target), 0);
    };
  }, [opened]);
  return opener;
}

/**
 * Esc pressed after a dialog opens but before its focus trap has moved focus in (a quick hand, a busy machine)
 * lands on the opener, outside the dialog: it closes the dialog all the same. Esc anywhere else outside (a
 * date picker's calendar, a list's dropdown, both drawn outside the dialog) is theirs.
 */
function useEscapeBeforeFocus(opened: boolean, opener: { readonly current: HTMLElement | null }, close: () => void, enabled: boolean): void {
  const latestClose = useRef(close);
  latestClose.current = close;
  useEffect(() => {
    if (!opened || !enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      const target = event.target;
      const fromOpener = target instanceof HTMLElement && target === opener.current;
      const fromNowhere = target === document.body && document.querySelectorAll('[role="dialog"]').length <= 1;
      if (!fromOpener && !fromNowhere) return;
      event.preventDefault();
      latestClose.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [opened, enabled, opener]);
}

export function restoreFocus(target: HTMLElement | null): void {
  const active = document.activeElement;
  // Something outside the closed dialog took focus on purpose meanwhile (a field, a page): leave it.
  if (active && active !== document.body && active.isConnected && !active.closest('[role="dialog"]')) return;
  if (target && target.isConnected && target.getClientRects().length > 0) {
    target.focus();
    return;
  }
  focusPageHeading();
}

/**
 * The view's heading: the first h1 in `root` that is drawn. While the next view loads, React
 * keeps the previous one mounted under display: none, its heading included.
 */
export function visibleHeading(root: Element | null): HTMLElement | null {
  for (const heading of root?.querySelectorAll<HTMLElement>('h1') ?? []) if (heading.getClientRects().length > 0) return heading;
  return null;
}

/** Focus the heading of the view in <main> (made focusable by script only). */
export function focusPageHeading(): boolean {
  const heading = visibleHeading(document.querySelector('main'));
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
  return true;
}

/**
 * Mantine's Modal with a named × button and focus given back to the opener on close. A form passes
 * `dirty` (see `useDraftChanges`): while it holds, or a panel inside holds typed text (`useNestedDraft`), Esc, ×, a click outside, the form's Cancel
 * (`CancelSaveButtons`) and navigation away ask "Discard unsaved changes?" before closing.
 */
export function AppModal({ opened, onClose, dirty = false, closeButtonProps, ...props }: ModalProps & { dirty?: boolean | (() => boolean) }) {
  const { t } = useTranslation();
  const opener = useReturnFocus(opened);
  // A panel inside the form (InlinePanel) with typed text of its own counts too.
  const nested = useNestedDrafts();
  const { confirm } = useUnsavedGuard(() => (typeof dirty === 'function' ? dirty() : dirty) || nested.dirty());
  useEscapeBeforeFocus(opened, opener, () => confirm(onClose), props.closeOnEscape !== false);
  return (
    <NestedDraftsProvider value={nested.register}>
      <GuardContext value={confirm}>
        <Modal
          opened={opened}
          onClose={() => confirm(onClose)}
          returnFocus={false}
          closeButtonProps={{ 'aria-label': t('common.close'), ...closeButtonProps }}
          {...props}
          // Esc is handled here, as it bubbles, not by Mantine's listener on the window (which runs first): a panel
          // inside the dialog (InlinePanel) or an open dropdown takes its own Esc and the dialog stays open.
          closeOnEscape={false}
          onKeyDown={(event) => {
            props.onKeyDown?.(event);
            if (event.key !== 'Escape' || event.defaultPrevented || props.closeOnEscape === false) return;
            if (event.target instanceof HTMLElement && event.target.getAttribute('data-mantine-stop-propagation') === 'true') return;
            event.preventDefault();
            confirm(onClose);
          }}
        />
      </GuardContext>
    </NestedDraftsProvider>
  );
}

/** Mantine's Drawer with a named × button and focus given back to the opener on close. */
export function AppDrawer({ opened, closeButtonProps, ...props }: DrawerProps) {
  const { t } = useTranslation();
  useReturnFocus(opened);
  return <Drawer opened={opened} returnFocus={false} closeButtonProps={{ 'aria-label': t('common.close'), ...closeButtonProps }} {...props} />;
}
