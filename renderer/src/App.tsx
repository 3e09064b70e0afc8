import { useEffect, useState } from 'react';
import { AppShell, Group, NavLink, SegmentedControl, Text, Title } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChecklist,
  IconFileReport,
  IconHeartHandshake,
  IconLayoutDashboard,
  IconRefresh,
  IconSettings,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from './i18n';
import { useView, type View } from './route';
import { api } from './api';
import type { AppInfo } from '../../db/info';
import { showError } from './notify';
import { OnboardingDialog } from './views/OnboardingDialog';
import { PartnershipsView } from './views/PartnershipsView';
import { OrganizationsView } from './views/OrganizationsView';
import { PlaceholderView } from './views/PlaceholderView';
import { SettingsView } from './views/SettingsView';

const NAV: { view: View; icon: typeof IconLayoutDashboard }[] = [
  { view: 'dashboard', icon: IconLayoutDashboard },
  { view: 'partnerships', icon: IconHeartHandshake },
  { view: 'organizations', icon: IconBuildingCommunity },
  { view: 'meetings', icon: IconCalendarEvent },
  { view: 'tasks', icon: IconChecklist },
  { view: 'reports', icon: IconFileReport },
  { view: 'sync', icon: IconRefresh },
  { view: 'settings', icon: IconSettings },
];

export function App() {
  const { t, i18n } = useTranslation();
  const [view, setView] = useView();
  const [info, setInfo] = useState<AppInfo>();
  const [dataVersion, setDataVersion] = useState(0);

  useEffect(() => {
    api['app.info']().then(setInfo, (error: unknown) => showError(error, 'load'));
  }, [dataVersion]);

  useEffect(() => {
    document.title = t('app.name');
  }, [t, i18n.language]);

  return (
    <AppShell navbar={{ width: 220, breakpoint: 0 }} header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <IconHeartHandshake size={26} aria-hidden />
            <Title order={1} size="h4">
              {t('app.name')}
            </Title>
            {info?.officeName ? (
              <Text c="dimmed" size="sm">
                {info.officeName}
              </Text>
            ) : null}
          </Group>
          <SegmentedControl
            aria-label={t('language.label')}
            size="xs"
            value={i18n.language}
            onChange={(value) => setLanguage(value as Language)}
            data={[
              { value: 'zh', label: t('language.zh') },
              { value: 'en', label: t('language.en') },
            ]}
          />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.name')}>
        {NAV.map(({ view: target, icon: Icon }) => (
          <NavLink
            key={target}
            href={`#/${target}`}
            label={t(`nav.${target}`)}
            leftSection={<Icon size={18} aria-hidden />}
            active={view === target}
            aria-current={view === target ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              setView(target);
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <CurrentView view={view} dataVersion={dataVersion} info={info} />
      </AppShell.Main>
      <OnboardingDialog opened={!!info?.needsOnboarding} onDone={() => setDataVersion((v) => v + 1)} />
    </AppShell>
  );
}

function CurrentView({ view, dataVersion, info }: { view: View; dataVersion: number; info: AppInfo | undefined }) {
  switch (view) {
    case 'partnerships':
      return <PartnershipsView key={dataVersion} />;
    case 'organizations':
      return <OrganizationsView key={dataVersion} />;
    case 'settings':
      return <SettingsView info={info} />;
    default:
      return <PlaceholderView view={view} />;
  }
}
