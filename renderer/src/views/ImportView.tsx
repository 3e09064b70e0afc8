import { useEffect, useState } from 'react';
import { Alert, Badge, Button, FileInput, Group, Paper, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconTableImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { localized } from '../i18n';
import { readAsBase64 } from '../files';
import { showDone, showError } from '../notify';
import type { ImportEntity, ImportPreview, ImportRow, RowStatus } from '@db/import';

const ENTITIES: ImportEntity[] = ['organizations', 'partnerships', 'contacts', 'meetings', 'tasks'];
const STATUS_COLOR: Record<RowStatus, string> = { ok: 'green', error: 'red', duplicate: 'gray', choice: 'orange' };

interface Loaded {
  name: string;
  base64: string;
}

/** Spreadsheet import: choose the kind of records and the file, check the column mapping and every row, then import at once. */
export function ImportView() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<ImportEntity>('meetings');
  const [file, setFile] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!file) return;
    let cancelled = false;
    api['import.preview']({ entity, fileName: file.name, dataBase64: file.base64, mapping, choices })
      .then((value) => !cancelled && setPreview(value))
      .catch((error: unknown) => {
        if (cancelled) return;
        setPreview(null);
        showError(error, 'load');
      });
    return () => {
      cancelled = true;
    };
  }, [entity, file, mapping, choices]);

  const pick = async (picked: File | null) => {
    setMapping({});
    setChoices({});
    setPreview(null);
    setFile(picked ? { name: picked.name, base64: await readAsBase64(picked) } : null);
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await api['import.commit']({ entity, fileName: file.name, dataBase64: file.base64, mapping, choices, confirm: true });
      showDone(t('import.done', { count: result.created, skipped: result.skippedDuplicates }));
      setFile(null);
      setPreview(null);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const blocked = !preview || preview.counts.error > 0 || preview.counts.choice > 0 || preview.toCreate === 0;
  const label = (key: string) => localized(preview?.fields.find((f) => f.key === key)?.label ?? { zh: key, en: key });

  return (
    <Stack gap="md" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('import.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('import.intro')}
        </Text>
      </Stack>
      <Group align="flex-end">
        <Select
          label={t('import.entity')}
          data={ENTITIES.map((value) => ({ value, label: t(`import.entities.${value}`) }))}
          value={entity}
          onChange={(value) => {
            if (!value) return;
            setEntity(value as ImportEntity);
            setMapping({});
            setChoices({});
          }}
          allowDeselect={false}
          w={200}
        />
        <FileInput
          label={t('import.file')}
          placeholder={t('import.filePlaceholder')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          value={null}
          onChange={(picked) => void pick(picked)}
          w={320}
          data-testid="import-file"
        />
        {file && <Text size="sm">{file.name}</Text>}
      </Group>
      {preview && (
        <>
          <Text size="sm" c="dimmed">
            {t('import.headerFound', { row: preview.headerRowNumber, blank: preview.blankRows.length })}
          </Text>
          <Paper withBorder p="sm">
            <Title order={3} size="h4" mb="xs">
              {t('import.mapping')}
            </Title>
            <Table verticalSpacing={4} aria-label={t('import.mapping')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={260}>{t('import.column')}</Table.Th>
                  <Table.Th w={280}>{t('import.field')}</Table.Th>
                  <Table.Th>{t('import.sample')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.columns.map((column) => (
                  <Table.Tr key={column.index}>
                    <Table.Td>{column.header || `#${column.index + 1}`}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('import.field') + ': ' + (column.header || `#${column.index + 1}`)}
                        size="xs"
                        data={[
                          { value: '', label: t('import.ignore') },
                          ...preview.fields.map((f) => ({
                            value: f.key,
                            label: f.required ? t('import.required', { label: localized(f.label) }) : localized(f.label),
                          })),
                        ]}
                        value={column.field ?? ''}
                        onChange={(value) => setMapping((m) => ({ ...m, [String(column.index)]: value ?? '' }))}
                        allowDeselect={false}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" lineClamp={1}>
                        {firstValue(preview, column.field)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h4">
                {t('import.rows')}
              </Title>
              <Text size="sm">{t('import.counts', preview.counts)}</Text>
            </Group>
            <ScrollArea.Autosize mah={420}>
              <Table verticalSpacing={4} aria-label={t('import.rows')} data-testid="import-rows">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={56}>{t('import.row')}</Table.Th>
                    <Table.Th w={116}>{t('import.status')}</Table.Th>
                    <Table.Th>{t('import.record')}</Table.Th>
                    <Table.Th w={380}>{t('import.notes')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row) => (
                    <RowLine key={row.rowNumber} row={row} label={label} choose={(key, id) => setChoices((c) => ({ ...c, [key]: id }))} />
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Paper>
          {blocked && preview.toCreate > 0 && (
            <Alert color="orange" variant="light">
              {t('import.blocked')}
            </Alert>
          )}
          <Group>
            <Button leftSection={<IconTableImport size={16} aria-hidden />} disabled={blocked} loading={busy} onClick={() => void commit()}>
              {t('import.submit', { count: preview.toCreate })}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function firstValue(preview: ImportPreview, field: string | null): string {
  if (!field) return '';
  return preview.rows.find((row) => row.values[field])?.values[field] ?? '';
}

function RowLine({ row, label, choose }: { row: ImportRow; label: (key: string) => string; choose: (key: string, id: string) => void }) {
  const { t } = useTranslation();
  const values = Object.entries(row.values).filter(([, v]) => v !== '');
  return (
    <Table.Tr data-row={row.rowNumber} data-status={row.status}>
      <Table.Td>{row.rowNumber}</Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOR[row.status]} variant="light" tt="none">
          {t(`import.statuses.${row.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{values.map(([key, value]) => `${label(key)}: ${value}`).join(' · ')}</Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {Object.entries(row.links).map(([key, link]) => (
            <Text key={key} size="xs" c="dimmed">
              {label(key)} → {link.label}
            </Text>
          ))}
          {row.reasons.map((reason, i) => (
            <Text key={i} size="sm" c={row.status === 'error' ? 'red' : 'dimmed'}>
              {localized(reason)}
            </Text>
          ))}
          {row.choices.map((choice) => (
            <Select
              key={choice.key}
              size="xs"
              aria-label={t('import.choose', { name: choice.name })}
              placeholder={t('import.choose', { name: choice.name })}
              data={choice.candidates.map((c) => ({ value: c.id, label: c.label }))}
              value={null}
              onChange={(value) => value && choose(choice.key, value)}
            />
          ))}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
