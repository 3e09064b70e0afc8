import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { i18n } from '../i18n';
import { saveBytes } from '../files';
import { showError } from '../notify';
import type { OperationInput } from '@db/api';

type ExportInput = OperationInput<'export.list'>;

/** "Export ▾ CSV / Excel": the list as it is filtered now, headers in the UI language, downloaded. */
export function ExportMenu({ view, filters }: { view: ExportInput['view']; filters?: Record<string, unknown> }) {
  const { t } = useTranslation();
  const run = async (format: ExportInput['format']) => {
    try {
      const file = await api['export.list']({ view, format, lang: i18n.language === 'zh' ? 'zh' : 'en', ...(filters ? { filters } : {}) });
      saveBytes(file.fileName, file.mimeType, file.dataBase64);
    } catch (error) {
      showError(error, 'load');
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {t('import.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void run('csv')}>{t('import.exportCsv')}</Menu.Item>
        <Menu.Item onClick={() => void run('xlsx')}>{t('import.exportXlsx')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
