import { type ReactNode } from 'react';
import { Group, Stack, type ModalProps } from '@mantine/core';
import type { FieldValues } from 'react-hook-form';
import { AppModal } from '../Dialog';
import { CancelSaveButtons } from '../CancelSaveButtons';
import { FormErrorSummary } from '../FormErrors';
import { WithHistoryTab } from '../RecordHistory';
import type { RecordEntity } from '@db/schema';
import type { ContractForm } from '../../lib/contract-form';
import { ContractFormElement } from './ContractFormElement';

/**
 * Every record form's dialog: a title, the fields, the alert that counts the marked fields, Cancel and Save. The
 * form itself comes from `useContractForm` (lib/contract-form.ts): the contract's schema checks it, a refusal by it
 * or by the core marks the fields in the contract's words and focuses the first, Save spins while it saves.
 *
 * Ctrl+Enter (⌘+Enter) saves from any field, a textarea included. With unsaved changes (the form's, or a panel's
 * inside it: `InlinePanel`), Esc, ×, Cancel, a click outside, navigation, the language switch and closing the
 * window ask before discarding them.
 */
export function FormDialog<V extends FieldValues>({
  form,
  title,
  onClose,
  children,
  size = 'lg',
  start,
  history,
  modalProps,
}: {
  form: ContractForm<V>;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  size?: ModalProps['size'];
  /** Left of the buttons, e.g. Delete. */
  start?: ReactNode;
  /** An existing record's history, in a tab beside the fields. */
  history?: { entity: RecordEntity; id: string | null };
  modalProps?: Partial<Omit<ModalProps, 'opened' | 'onClose' | 'title' | 'size' | 'children'>>;
}) {
  const body = (
    <ContractFormElement form={form}>
      {children}
      <Stack gap={0} mt="md">
        <FormErrorSummary errors={form.errors} />
        <Group justify="space-between">
          {start ?? <span />}
          <CancelSaveButtons onCancel={onClose} saving={form.saving} />
        </Group>
      </Stack>
    </ContractFormElement>
  );
  return (
    <AppModal opened onClose={onClose} dirty={form.unsaved} title={title} size={size} {...modalProps}>
      {history ? (
        <WithHistoryTab entity={history.entity} id={history.id}>
          {body}
        </WithHistoryTab>
      ) : (
        body
      )}
    </AppModal>
  );
}
