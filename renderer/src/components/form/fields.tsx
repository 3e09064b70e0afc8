/**
 * Fields of a contract form (FormDialog, or a panel on `useContractForm`): each is bound to a form value by `name`,
 * shows its message from the form's errors, and a text field counts its length against the contract's limit for that
 * field, read from the schema itself, once 80% of it is used.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { Autocomplete, Select, Textarea, TextInput, type AutocompleteProps, type SelectProps, type TextareaProps, type TextInputProps } from '@mantine/core';
import { FormProvider, useController, useFormContext, type ControllerFieldState, type ControllerRenderProps, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ContractForm } from '../../lib/contract-form';
import { maxLengthOf } from '../../lib/contract-rules';
import { DateField, type DateFieldProps } from '../DateField';

/** The contract schema the fields are checked by (given by FormDialog, or by a panel around its fields). */
export const FormSchemaContext = createContext<z.ZodType | null>(null);

/** The fields of a contract form, wherever they are drawn (FormDialog uses it; so does a panel inside another form). */
export function FormScope<V extends FieldValues>({ form, children }: { form: ContractForm<V>; children: ReactNode }) {
  return (
    <FormSchemaContext value={form.schema}>
      <FormProvider {...form.form}>{children}</FormProvider>
    </FormSchemaContext>
  );
}

/** From this share of the limit on, a text field shows how much of it is used. */
const COUNT_FROM = 0.8;

/** "250 / 300 characters" once 80% of the contract's limit is used; how many too many past it. */
export function useLengthCounter(name: string, value: unknown): string | null {
  const { t } = useTranslation();
  const schema = useContext(FormSchemaContext);
  const max = schema ? maxLengthOf(schema, name) : null;
  if (!max || typeof value !== 'string') return null;
  // The contract trims before it counts.
  const count = value.trim().length;
  if (count < max * COUNT_FROM) return null;
  return count > max ? t('common.lengthOver', { count, max, over: count - max }) : t('common.lengthCounter', { count, max });
}

/** One form value bound by name, for any input: `render` gets the value, onChange, and the field's message. */
export function FormField({
  name,
  render,
}: {
  name: string;
  render: (field: ControllerRenderProps<FieldValues, string>, state: ControllerFieldState & { message?: string }) => ReactNode;
}) {
  const { control } = useFormContext();
  const { field, fieldState } = useController({ name, control });
  return <>{render(field, { ...fieldState, message: fieldState.error?.message })}</>;
}

/** The counter below a field, as its description (read with it), right-aligned. */
const counterProps = (counter: string | null) =>
  counter
    ? {
        description: counter,
        inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[],
        styles: { description: { textAlign: 'right' as const } },
      }
    : {};

/** A text value bound by name: the input's props, the counter among them; `onValue` sets the value. */
function useTextBinding(name: string) {
  const { control } = useFormContext();
  const { field, fieldState } = useController({ name, control });
  const counter = useLengthCounter(name, field.value);
  return {
    ...counterProps(counter),
    ref: field.ref,
    name: field.name,
    value: (field.value as string | null) ?? '',
    onBlur: field.onBlur,
    error: fieldState.error?.message,
    onValue: field.onChange as (value: string) => void,
  };
}

export function FormTextInput({ name, ...props }: { name: string } & Omit<TextInputProps, 'value' | 'onChange' | 'name'>) {
  const { onValue, ...bound } = useTextBinding(name);
  return <TextInput {...props} {...bound} onChange={(e) => onValue(e.currentTarget.value)} />;
}

export function FormTextarea({ name, ...props }: { name: string } & Omit<TextareaProps, 'value' | 'onChange' | 'name'>) {
  const { onValue, ...bound } = useTextBinding(name);
  return <Textarea {...props} {...bound} onChange={(e) => onValue(e.currentTarget.value)} />;
}

export function FormAutocomplete({ name, ...props }: { name: string } & Omit<AutocompleteProps, 'value' | 'onChange' | 'name'>) {
  const { onValue, ...bound } = useTextBinding(name);
  return <Autocomplete comboboxProps={{ withinPortal: true }} {...props} {...bound} onChange={onValue} />;
}

/** A Select on a form value; `null` for none. */
export function FormSelect({ name, ...props }: { name: string } & Omit<SelectProps, 'value' | 'onChange' | 'name'>) {
  const { control } = useFormContext();
  const { field, fieldState } = useController({ name, control });
  return (
    <Select
      {...props}
      ref={field.ref}
      name={field.name}
      value={(field.value as string | null) ?? null}
      onChange={(value) => {
        if (value !== null || props.clearable) field.onChange(value);
      }}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

/** A calendar day on a form value: 'YYYY-MM-DD', '' for none. */
export function FormDateField({ name, ...props }: { name: string } & Omit<DateFieldProps, 'value' | 'onChange' | 'name'>) {
  const { control } = useFormContext();
  const { field, fieldState } = useController({ name, control });
  return (
    <DateField
      {...props}
      name={field.name}
      value={(field.value as string | null) ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}
