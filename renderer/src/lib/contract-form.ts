/**
 * Forms that check with the contract's own input schemas (common/inputs/records.ts) before they send, and say a refused
 * value in the contract's own words (common/inputs/messages.ts): react-hook-form holds the draft, the schema judges it.
 *
 * `useContractForm` is the whole life of a record form: the draft and its dirty state, validation by the contract's
 * schema, the save (busy while it runs), the core's refusal (ApiError.fields, the contract's field paths) put on the
 * fields it names, and focus on the first marked field. `FormDialog` (components/form/FormDialog.tsx) draws it in a
 * dialog; a small form inside another one (InlinePanel) uses the hook alone.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, type DefaultValues, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { localized } from '../i18n';
import { contractResolver, flatErrors } from './contract-rules';

import { showDone, showError } from '../notify';

type Schema = z.ZodType;

/**
 * Focus the first field marked invalid in `container`, in the order it is drawn, and leave it uncovered: a picker that
 * opens its list on focus (a searchable Select, an Autocomplete) gets it closed again, so its message and the
 * fields below stay in view.
 */
export function focusFirstInvalid(container: HTMLElement | null): void {
  const field = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!field) return;
  field.focus();
  field.scrollIntoView?.({ block: 'nearest' });
  // The list opens on the focus event and shows after React's next render.
  window.requestAnimationFrame(() => {
    // Mantine marks an open picker data-expanded (aria-expanded only where it is asked to).
    if (document.activeElement !== field || !(field.hasAttribute('data-expanded') || field.getAttribute('aria-expanded') === 'true')) return;
    // The picker's own Esc closes its list; the dialog leaves an Esc meant for an open list alone.
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, cancelable: true }));
  });
}

export interface ContractFormOptions<V extends FieldValues, S extends Schema, R> {
  /** The contract's input schema of the operation the form calls (e.g. taskCreateInput). */
  schema: S;
  defaultValues: V;
  /** What the form sends, from its values: the schema judges this, and `save` gets it. */
  toInput: (values: V) => z.input<S>;
  save: (input: z.input<S>) => Promise<R>;
  onSaved: (saved: R) => void;
  /** A contract field path onto the form's field name, where they differ (default: the same). */
  fieldOf?: (path: string) => string;
  /** Say "Saved" when done (default true). */
  announce?: boolean;
  /**
   * The form stays on screen after a save (a settings page): it keeps guarding later changes, and `onSaved` sets its
   * new starting point (`form.reset`). Otherwise a saved form has nothing unsaved while it closes.
   */
  stays?: boolean;
}

/**
 * Options checked against their own schema, then usable where the schema varies (a dialog that creates or edits:
 * `useContractForm(task ? contractOptions({ schema: taskUpdateInput, … }) : contractOptions({ … }))`).
 */
export function contractOptions<V extends FieldValues, S extends Schema, R>(options: ContractFormOptions<V, S, R>): ContractFormOptions<V, Schema, R> {
  return options as unknown as ContractFormOptions<V, Schema, R>;
}

export interface ContractForm<V extends FieldValues, S extends Schema = Schema> {
  form: UseFormReturn<V>;
  schema: S;
  /** Check, then save; a refusal marks the fields and focuses the first. */
  submit: () => Promise<void>;
  saving: boolean;
  /** Unsaved changes (false once saved). Read in render. */
  dirty: boolean;
  /** The same, asked at any moment (a navigation right after the save): what a guard should ask. */
  unsaved: () => boolean;
  /** The element the form's fields are in: the first invalid one gets focus after a refused save. */
  containerRef: React.RefObject<HTMLElement | null>;
  errors: Record<string, string>;
}

export function useContractForm<V extends FieldValues, S extends Schema, R>(options: ContractFormOptions<V, S, R>): ContractForm<V, S> {
  const { t, i18n } = useTranslation();
  const latest = useRef(options);
  latest.current = options;
  const [resolver] = useState(() =>
    contractResolver<V>(
      options.schema,
      (values) => latest.current.toInput(values),
      (path) => (latest.current.fieldOf ?? ((p: string) => p))(path),
      () => (i18n.language === 'zh' ? 'zh' : 'en'),
    ),
  );
  const form = useForm<V>({
    defaultValues: options.defaultValues as DefaultValues<V>,
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const containerRef = useRef<HTMLElement | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const savedNow = useRef(false);
  // After a refusal, the first marked field gets the focus once the marks are drawn (react-hook-form publishes the
  // errors after its onInvalid callback: the render that draws them may come after the one this state asks for).
  const pendingFocus = useRef(false);
  const [, setRefusals] = useState(0);
  useEffect(() => {
    const container = containerRef.current;
    if (!pendingFocus.current || !container?.querySelector('[aria-invalid="true"]')) return;
    pendingFocus.current = false;
    focusFirstInvalid(container);
  });
  const refused = useCallback(() => {
    pendingFocus.current = true;
    setRefusals((n) => n + 1);
  }, []);

  // The messages follow the language switch: a marked form is judged again in the new words.
  const { isSubmitted } = form.formState;
  useEffect(() => {
    if (isSubmitted) void form.trigger();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a language change only
  }, [i18n.language]);

  const submit = useCallback(
    () =>
      form.handleSubmit(async (values) => {
        const { toInput, save, onSaved, fieldOf = (p: string) => p, announce = true } = latest.current;
        setSaving(true);
        try {
          const result = await save(toInput(values));
          if (!latest.current.stays) {
            savedNow.current = true;
            setSaved(true);
          }
          if (announce) showDone(t('common.saved'));
          onSaved(result);
        } catch (error) {
          if (error instanceof ApiError && error.fields.length > 0) {
            const message = localized(error.localized);
            for (const path of error.fields) form.setError(fieldOf(path) as FieldPath<V>, { type: 'server', message });
            refused();
          }
          showError(error);
        } finally {
          setSaving(false);
        }
      }, refused)(),
    [form, refused, t],
  );

  const { isDirty, errors } = form.formState;
  const dirtyAtRender = useRef(isDirty);
  dirtyAtRender.current = isDirty;
  const unsaved = useCallback(() => !savedNow.current && dirtyAtRender.current, []);
  return { form, schema: options.schema, submit, saving, dirty: isDirty && !saved, unsaved, containerRef, errors: flatErrors(errors) };
}
