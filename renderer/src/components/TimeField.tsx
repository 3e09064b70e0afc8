import { useState } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { parseTypedTime } from '../lib/typed-dates';

export type TimeFieldProps = Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'type'> & {
  /** The contract's 24-hour 'HH:mm', '' for none; or, while it is not a time, the text as typed. */
  value: string;
  onChange: (value: string) => void;
};

/**
 * A time of day on the 24-hour clock in both languages (14:30, never 2:30 PM), in a text field rather than
 * the browser's time input, whose clock and AM/PM follow the browser's locale, not the app's. What is
 * typed is read by `parseTypedTime` (1430, 14.30, 14：30, 下午2:30, 2:30 pm) and shown as HH:mm on blur.
 * Text that is no time reaches the form as typed, so its validation marks the field instead of the
 * typing vanishing.
 */
export function TimeField({ value, onChange, onBlur, ...props }: TimeFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  // A value set from outside (a reset, a loaded record) replaces the text; the field's own changes keep it.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value !== text && value !== parseTypedTime(text)) setText(value);
  }
  return (
    <TextInput
      placeholder={t('dates.timePlaceholder')}
      leftSection={<IconClock size={16} aria-hidden />}
      leftSectionPointerEvents="none"
      autoComplete="off"
      spellCheck={false}
      maxLength={16}
      {...props}
      value={text}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        onChange(typed.trim() === '' ? '' : (parseTypedTime(typed) ?? typed));
      }}
      onBlur={(event) => {
        const time = parseTypedTime(text);
        if (time) setText(time);
        onBlur?.(event);
      }}
    />
  );
}
