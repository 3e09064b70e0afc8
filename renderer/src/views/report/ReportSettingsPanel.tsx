import { Autocomplete, Divider, Group, ScrollArea, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PartnershipFilterOptions, PartnershipStatus } from '@db/partnerships';
import { countryName } from '../../format';
import { period, type ReportLanguage, type ReportSettings } from './input';
import { DateField } from '../../components/DateField';
import { PartnershipPicker, useKnownPartnerships } from '../../components/pickers';

/** Every status of the contract, in its order (Record keeps the list complete when one is added). */
const STATUS_ORDER: Record<PartnershipStatus, number> = { prospect: 0, negotiating: 1, active: 2, dormant: 3, concluded: 4 };
const STATUSES = Object.keys(STATUS_ORDER) as PartnershipStatus[];

/** The classification lines offices use; any other text may be typed. */
const CLASSIFICATIONS = ['内部资料 / Internal', '内部资料', 'Internal', '内部资料 注意保存 / Internal – keep safe'];

interface Props {
  settings: ReportSettings;
  onChange: (patch: Partial<ReportSettings>) => void;
  lang: ReportLanguage;
  officeName: string;
  options: PartnershipFilterOptions | undefined;
}

export function ReportSettingsPanel({ settings, onChange, lang, officeName, options }: Props) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh';

  // A partnership is found through the contract by its title in either language, or by a party's name in any script.
  const partnershipNames = useKnownPartnerships([settings.partnershipId]);

  const badPeriod = period(settings).invalid;

  return (
    <ScrollArea w={272} type="auto" offsetScrollbars="y" aria-label={t('reports.settings')} style={{ flexShrink: 0 }}>
      <Stack gap="sm" pr={4} pb="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="report-kind-label">
            {t('reports.kind.label')}
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby="report-kind-label"
            value={settings.kind}
            onChange={(value) => onChange({ kind: value === 'portfolio' ? 'portfolio' : 'partnership' })}
            data={[
              { value: 'partnership', label: t('reports.kind.partnership') },
              { value: 'portfolio', label: t('reports.kind.portfolio') },
            ]}
          />
        </Stack>

        {settings.kind === 'partnership' ? (
          <PartnershipPicker
            label={t('reports.partnership')}
            placeholder={t('reports.partnershipPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            clearable
            value={settings.partnershipId}
            known={partnershipNames.known}
            onChange={(value, row) => {
              if (row) partnershipNames.remember([row]);
              onChange({ partnershipId: value });
            }}
          />
        ) : (
          <>
            <Select
              label={t('reports.status')}
              placeholder={t('reports.allStatuses')}
              clearable
              value={settings.status}
              onChange={(value) => onChange({ status: value && value in STATUS_ORDER ? (value as PartnershipStatus) : null })}
              data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
            <Select
              label={t('reports.programme')}
              placeholder={t('reports.allProgrammes')}
              clearable
              searchable
              value={settings.programmeId}
              onChange={(value) => onChange({ programmeId: value })}
              data={(options?.programmes ?? []).map((p) => ({ value: p.id, label: (zh ? p.nameZh : p.nameEn) ?? p.nameZh ?? p.nameEn ?? p.id }))}
              comboboxProps={{ width: 360, position: 'bottom-start' }}
            />
            <Select
              label={t('reports.country')}
              placeholder={t('reports.allCountries')}
              clearable
              searchable
              value={settings.country}
              onChange={(value) => onChange({ country: value })}
              data={(options?.countries ?? []).map((c) => ({ value: c, label: `${countryName(c)} (${c})` }))}
            />
            <Select
              label={t('reports.owner')}
              placeholder={t('reports.allOwners')}
              clearable
              searchable
              disabled={(options?.owners.length ?? 0) === 0}
              value={settings.owner}
              onChange={(value) => onChange({ owner: value })}
              data={options?.owners ?? []}
            />
          </>
        )}

        <Stack gap={4} role="group" aria-labelledby="report-period-label">
          <Text size="sm" fw={500} id="report-period-label">
            {t('reports.period')}
          </Text>
          <Group gap="xs" grow wrap="nowrap" align="flex-start">
            <DateField size="xs" clearable label={t('reports.from')} value={settings.from} onChange={(from) => onChange({ from })} />
            <DateField
              size="xs"
              clearable
              label={t('reports.to')}
              value={settings.to}
              onChange={(to) => onChange({ to })}
              error={badPeriod ? t('reports.periodOrder') : undefined}
            />
          </Group>
        </Stack>

        <Divider />

        <Stack gap={4}>
          <Text size="sm" fw={500} id="report-language-label">
            {t('reports.language')}
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby="report-language-label"
            value={lang}
            onChange={(value) => onChange({ lang: value === 'zh' ? 'zh' : 'en' })}
            data={[
              { value: 'zh', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Stack>
        <TextInput
          label={t('reports.officeName')}
          description={t('reports.officeNameHint')}
          value={officeName}
          maxLength={200}
          onChange={(e) => onChange({ officeName: e.currentTarget.value })}
        />
        <Autocomplete
          label={t('reports.classification')}
          description={t('reports.classificationHint')}
          placeholder={t('reports.classificationPlaceholder')}
          value={settings.classification}
          maxLength={100}
          onChange={(value) => onChange({ classification: value })}
          data={CLASSIFICATIONS}
          comboboxProps={{ width: 300, position: 'bottom-start' }}
        />
      </Stack>
    </ScrollArea>
  );
}
