import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';
import classes from './ItemLink.module.css';

/** An item that opens its record: a real link, so it works with the keyboard, a middle click and the address bar. */
export function ItemLink({
  href,
  primary,
  secondary,
  aside,
  onClick,
}: {
  href: string;
  primary: ReactNode;
  secondary?: ReactNode;
  aside?: ReactNode;
  onClick?: () => void;
}) {
  return (
    <a href={href} className={classes.item} onClick={onClick}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} className={classes.primary}>
            {primary}
          </Text>
          {secondary ? (
            <Text size="xs" c="dimmed">
              {secondary}
            </Text>
          ) : null}
        </div>
        {aside ? <div style={{ flexShrink: 0 }}>{aside}</div> : null}
      </Group>
    </a>
  );
}
