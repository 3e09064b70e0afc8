import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button, Group, Stack, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys, useWindowEvent } from '@mantine/hooks';
import { PRINT_EVENT } from '../desktop';
import { IconFileDownload, IconPrinter } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { waitForJob } from '../lib/jobs';
import type { OperationOutput } from '@db/api';
import { useRoute } from '../route';
import { useApi } from '../useApi';
import { showDone, showError } from '../notify';
import { downloadPdf, initialSettings, reportInput, type ReportSettings } from './report/input';
import { localDay } from '@common/calendar';
import { ReportPreview, type Zoom } from './report/ReportPreview';
import { ReportSettingsPanel } from './report/ReportSettingsPanel';

/** Ctrl/Cmd+P, wherever the focus is (the preview frame included). */
const isPrintKey = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'p';

/**
 * Status reports: choose one partnership or the portfolio (filtered), the language, office name and
 * classification; the preview shows the very document that is printed (Print, Ctrl/Cmd+P) or saved
 * as PDF. #/reports/<partnership id> opens with that partnership chosen.
 */
export function ReportsView() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const [settings, setSettings] = useState<ReportSettings>(() => initialSettings(route.id));
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [savingPdf, setSavingPdf] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const [frameReady, setFrameReady] = useState(false);
  const frameRef = useRef<HTMLIFrameElement>(null);

  const { data: options } = useApi('partnerships.filterOptions');
  const { data: stored } = useApi('settings.get');

  const lang = settings.lang ?? (i18n.language === 'zh' ? 'zh' : 'en');
  // The name typed here, else the office's name in the report's language (its English name for an English report).
  const officeName = settings.officeName ?? (lang === 'en' ? stored?.officeNameEn : null) ?? stored?.officeName ?? '';
  const input = stored ? reportInput(settings, lang, officeName, localDay()) : null;
  const inputKey = input ? JSON.stringify(input) : '';
  const [debouncedKey] = useDebouncedValue(inputKey, 300);

  const change = useCallback((patch: Partial<ReportSettings>) => setSettings((s) => ({ ...s, ...patch })), []);

  // The preview follows the settings: one reports.html per settled change, the last one shown until the next comes.
  const preview = useApi('reports.html', debouncedKey ? (JSON.parse(debouncedKey) as NonNullable<typeof input>) : undefined, {
    enabled: debouncedKey !== '',
    keepPrevious: true,
  });
  const html = debouncedKey ? (preview.data ?? null) : null;
  const generating = debouncedKey !== '' && preview.loading;
  // A new document is printable once the frame has loaded it.
  useLayoutEffect(() => setFrameReady(false), [html]);

  // Seconds so far while a PDF is made: long portfolios take a while, and the user sees it moving.
  useEffect(() => {
    if (!savingPdf) return;
    setSeconds(0);
    const timer = window.setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => window.clearInterval(timer);
  }, [savingPdf]);

  const stale = inputKey !== debouncedKey || generating;
  const canPrint = html !== null && frameReady && !stale;

  const print = useCallback(() => {
    const frame = frameRef.current?.contentWindow;
    if (!canPrint || !frame) {
      notifications.show({ color: 'yellow', message: t('reports.notReady'), autoClose: 3000 });
      return;
    }
    frame.focus();
    frame.print();
  }, [canPrint, t]);

  // The PDF is a job of the core: a thousand partnerships take seconds, and the person may stop it.
  const [pdfJob, setPdfJob] = useState<string | null>(null);
  const savePdf = async () => {
    if (!input || savingPdf) return;
    setSavingPdf(true);
    try {
      const job = await api['reports.pdfStart'](input);
      setPdfJob(job.id);
      const { fileName, pdfBase64 } = (await waitForJob(job, () => undefined)) as OperationOutput<'reports.pdf'>;
      downloadPdf(fileName, pdfBase64);
      showDone(t('reports.saved', { fileName }));
    } catch (error) {
      showError(error);
    } finally {
      setSavingPdf(false);
      setPdfJob(null);
    }
  };

  // Ctrl/Cmd+P prints the report, not the app around it: from the fields too.
  useHotkeys([['mod+P', print, { preventDefault: true }]], []);
  // The desktop menu's Print report… (its Ctrl/Cmd+P reaches the menu, not this page).
  useWindowEvent(PRINT_EVENT, print);

  // Inside the preview the keys go to the frame's own document: listen there as well (scripts stay off in it).
  const onFrameLoad = useCallback(() => {
    setFrameReady(true);
    frameRef.current?.contentDocument?.addEventListener('keydown', (event) => {
      if (!isPrintKey(event)) return;
      event.preventDefault();
      frameRef.current?.contentWindow?.print();
    });
  }, []);

  const busy = savingPdf ? t('reports.makingPdf') : generating ? t('reports.generating') : null;

  return (
    <Stack gap="sm" h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-md))" mih={520}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={1} size="h2">
          {t('reports.title')}
        </Title>
        <Group gap="sm" wrap="nowrap">
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} aria-hidden />}
            onClick={print}
            disabled={!canPrint}
            title="Ctrl+P"
            aria-keyshortcuts="Control+P Meta+P"
          >
            {t('reports.print')}
          </Button>
          <Button leftSection={<IconFileDownload size={16} aria-hidden />} onClick={() => void savePdf()} disabled={!input} loading={savingPdf}>
            {t('reports.savePdf')}
          </Button>
          {pdfJob ? (
            <Button variant="default" onClick={() => void api['jobs.cancel']({ id: pdfJob })}>
              {t('reports.cancelPdf')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <ReportSettingsPanel settings={settings} onChange={change} lang={lang} officeName={officeName} options={options} />
        <ReportPreview
          html={input ? html : null}
          emptyMessage={settings.kind === 'partnership' && !settings.partnershipId ? t('reports.choosePartnership') : t('reports.periodOrder')}
          busy={busy}
          busyDetail={savingPdf && seconds > 0 ? t('reports.elapsed', { seconds }) : null}
          zoom={zoom}
          onZoom={setZoom}
          onFrameLoad={onFrameLoad}
          frameRef={frameRef}
        />
      </Group>
    </Stack>
  );
}
