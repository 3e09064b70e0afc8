import { type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { ContractForm } from '../../lib/contract-form';
import { FormScope } from './fields';

/**
 * The `<form>` of a contract form (`useContractForm`), in a dialog (FormDialog) or on a page: its fields bound by
 * name (FormScope), the element the first refused field is found in, Save on submit and on Ctrl/Cmd+Enter from any
 * field, a textarea included. `enterInFieldSaves: false` keeps a plain Enter in a text field from saving a
 * half-filled page (the meeting form: only Ctrl/Cmd+Enter or the button saves it).
 */
export function ContractFormElement<V extends FieldValues>({
  form,
  children,
  enterInFieldSaves = true,
  'aria-label': ariaLabel,
}: {
  form: ContractForm<V>;
  children: ReactNode;
  enterInFieldSaves?: boolean;
  'aria-label'?: string;
}) {
  return (
    <FormScope form={form}>
      <form
        ref={(node) => {
          form.containerRef.current = node;
        }}
        noValidate
        aria-label={ariaLabel}
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit();
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
          if (event.ctrlKey || event.metaKey) {
            event.preventDefault();
            void form.submit();
          } else if (!enterInFieldSaves && event.target instanceof HTMLInputElement) event.preventDefault();
        }}
      >
        {children}
      </form>
    </FormScope>
  );
}
