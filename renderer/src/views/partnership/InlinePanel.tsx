import { forwardRef, type ReactNode } from 'react';
import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNestedDraft } from '../../lib/unsaved';

/**
 * A small form inside the partnership form (a new party, a new programme): not a <form>, since forms do not nest.
 * Enter in one of its fields creates, instead of saving the partnership; Esc closes the panel, not the form.
 * While it holds typed text (`dirty`), the dialog around counts it as unsaved: Esc, × or Cancel there ask first.
 */
export const InlinePanel = forwardRef<
  HTMLDivElement,
  { id: string; title: string; createLabel: string; saving: boolean; dirty: boolean; onCreate: () => void; onCancel: () => void; children: ReactNode }
>(function InlinePanel({ id, title, createLabel, saving, dirty, onCreate, onCancel, children }, ref) {
  const { t } = useTranslation();
  useNestedDraft(dirty);
  return (
    <Paper
      ref={ref}
      withBorder
      p="sm"
      radius="md"
      bg="var(--mantine-color-gray-0)"
      role="group"
      aria-labelledby={id}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.defaultPrevented && e.target instanceof HTMLInputElement) {
          e.preventDefault();
          onCreate();
        } else if (e.key === 'Escape' && !e.defaultPrevented) {
          // An open dropdown in the panel closes first; else the panel closes, and the dialog (AppModal) leaves it be.
          if (e.target instanceof HTMLElement && e.target.getAttribute('data-mantine-stop-propagation') === 'true') return;
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <Text fw={600} size="sm" mb="xs" id={id}>
        {title}
      </Text>
      {children}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button size="xs" loading={saving} onClick={onCreate}>
          {createLabel}
        </Button>
      </Group>
    </Paper>
  );
});
