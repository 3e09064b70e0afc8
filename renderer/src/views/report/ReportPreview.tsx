import type { RefObject } from 'react';
import { Box, Center, Group, Loader, LoadingOverlay, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconFileReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The report document's width on screen: an A4 sheet (210 mm) with its grey surround and a scroll bar. */
const FRAME_WIDTH = 850;

export type Zoom = 'fit' | 'actual';

interface Props {
  /** The document as `reports.html` returned it, or null while there is none. */
  html: string | null;
  /** What is being made now (shown over the preview), or null. */
  busy: string | null;
  /** Shown under `busy`, e.g. the seconds so far. */
  busyDetail: string | null;
  zoom: Zoom;
  onZoom: (zoom: Zoom) => void;
  onFrameLoad: () => void;
  /** Shown instead of the preview while there is nothing to show. */
  emptyMessage: string;
  frameRef: RefObject<HTMLIFrameElement | null>;
}

/**
 * A live preview of the exact document: a sandboxed iframe (same origin so the view can print it,
 * modal dialogs so it may open the print dialog, no scripts) scaled to fit the panel or at 100%.
 */
export function ReportPreview({ html, busy, busyDetail, zoom, onZoom, onFrameLoad, emptyMessage, frameRef }: Props) {
  const { t } = useTranslation();
  const { ref: boxRef, width, height } = useElementSize();
  const scale = zoom === 'fit' && width > 0 ? Math.min(1, width / FRAME_WIDTH) : 1;

  return (
    <Paper withBorder radius="md" pos="relative" style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
      <Group justify="space-between" px="sm" py={6} wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Text size="sm" fw={600}>
          {t('reports.preview')}
        </Text>
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" truncate visibleFrom="lg">
            {t('reports.pagesNote')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-label={t('reports.zoom.label')}
            value={zoom}
            onChange={(value) => onZoom(value === 'actual' ? 'actual' : 'fit')}
            data={[
              { value: 'fit', label: t('reports.zoom.fit') },
              { value: 'actual', label: t('reports.zoom.actual') },
            ]}
          />
        </Group>
      </Group>
      <Box
        ref={boxRef}
        pos="relative"
        style={{
          background: 'light-dark(var(--mantine-color-gray-1), var(--mantine-color-dark-8))',
          flex: 1,
          minHeight: 0,
          overflowX: zoom === 'actual' ? 'auto' : 'hidden',
          overflowY: 'hidden',
        }}
      >
        {html !== null ? (
          <iframe
            ref={frameRef}
            title={t('reports.previewFrame')}
            sandbox="allow-same-origin allow-modals"
            srcDoc={html}
            onLoad={onFrameLoad}
            data-testid="report-preview"
            style={{
              display: 'block',
              border: 0,
              width: FRAME_WIDTH,
              height: height > 0 ? height / scale : '100%',
              transform: scale === 1 ? undefined : `scale(${scale})`,
              transformOrigin: '0 0',
              background: '#dee2e6',
            }}
          />
        ) : busy === null ? (
          <Center h="100%" p="xl">
            <Stack align="center" gap="xs" maw={360}>
              <IconFileReport size={40} stroke={1.3} color="var(--mantine-color-gray-6)" aria-hidden />
              <Text c="dimmed" ta="center">
                {emptyMessage}
              </Text>
            </Stack>
          </Center>
        ) : null}
      </Box>
      <LoadingOverlay
        visible={busy !== null}
        zIndex={5}
        overlayProps={{ backgroundOpacity: 0.55, blur: 1 }}
        loaderProps={{
          children: (
            <Stack align="center" gap={6} role="status" aria-live="polite">
              <Loader size="md" />
              <Text fw={600}>{busy}</Text>
              {busyDetail ? (
                <Text size="sm" c="dimmed">
                  {busyDetail}
                </Text>
              ) : null}
            </Stack>
          ),
        }}
      />
    </Paper>
  );
}
