import { lazy, Suspense, useEffect, useState } from 'react';
import { AppShell, Group, Loader, NavLink, SegmentedControl, Text, Title } from '@mantine/core';
import {
  IconAddressBook,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconDatabase,
  IconChecklist,
  IconFileReport,
  IconHeartHandshake,
  IconLayoutDashboard,
  IconMap,
  IconRefresh,
  IconSettings,
  IconTableImport,
  IconTimeline,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from './i18n';
import { navigate, routeHash, useRoute, type Route, type View } from './route';
import { api } from './api';
import type { AppInfo } from '../../db/info';
import { showError } from './notify';
import { SearchBox } from './components/SearchBox';
import { useDesktopShell } from './desktop';
import { RemindersButton } from './components/RemindersButton';
import { SearchView } from './views/SearchView';
import { OnboardingDialog } from './views/OnboardingDialog';
import { PartnershipsView } from './views/PartnershipsView';
import { PartnershipPage } from './views/PartnershipPage';
import { OrganizationsView } from './views/OrganizationsView';
import { MeetingsView } from './views/MeetingsView';
import { MeetingPage } from './views/MeetingPage';
import { TasksView } from './views/TasksView';
import { ContactsView } from './views/ContactsView';
import { DashboardView } from './views/DashboardView';
import { BackupsView } from './views/BackupsView';
import { TrashView } from './views/TrashView';
import { SyncView } from './views/SyncView';
import { ReportsView } from './views/ReportsView';
import { PlaceholderView } from './views/PlaceholderView';
import { SettingsView } from './views/SettingsView';
import { ImportView } from './views/ImportView';

/** Loaded on first visit: the world map's borders are not part of the first screen's bundle. */
const MapView = lazy(() => import('./views/MapView').then((module) => ({ default: module.MapView })));
/** Loaded on first visit, like the map. */
const TimelineView = lazy(() => import('./views/TimelineView').then((module) => ({ default: module.TimelineView })));

const NAV: { view: View; icon: typeof IconLayoutDashboard }[] = [
  { view: 'dashboard', icon: IconLayoutDashboard },
  { view: 'partnerships', icon: IconHeartHandshake },
  { view: 'map', icon: IconMap },
  { view: 'organizations', icon: IconBuildingCommunity },
  { view: 'meetings', icon: IconCalendarEvent },
  { view: 'timeline', icon: IconTimeline },
  { view: 'tasks', icon: IconChecklist },
  { view: 'contacts', icon: IconAddressBook },
  { view: 'reports', icon: IconFileReport },
  { view: 'sync', icon: IconRefresh },
  { view: 'backups', icon: IconDatabase },
  { view: 'import', icon: IconTableImport },
  { view: 'trash', icon: IconTrash },
  { view: 'settings', icon: IconSettings },
];

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  useDesktopShell();
  const [info, setInfo] = useState<AppInfo>();
  const [dataVersion, setDataVersion] = useState(0);

  useEffect(() => {
    api['app.info']().then(setInfo, (error: unknown) => showError(error, 'load'));
  }, [dataVersion, route.view]);

  useEffect(() => {
    document.title = t('app.name');
  }, [t, i18n.language]);

  return (
    <AppShell navbar={{ width: 200, breakpoint: 0 }} header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <IconHeartHandshake size={26} aria-hidden />
            <Title order={1} size="h4" style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Title>
            {info?.officeName ? (
              <Text c="dimmed" size="sm" truncate>
                {info.officeName}
              </Text>
            ) : null}
          </Group>
          <Group gap="md" wrap="nowrap">
            <SearchBox />
            <RemindersButton route={route} />
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
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.name')}>
        {NAV.map(({ view: target, icon: Icon }) => (
          <NavLink
            key={target}
            href={routeHash(target)}
            label={t(`nav.${target}`)}
            leftSection={<Icon size={18} aria-hidden />}
            active={route.view === target}
            aria-current={route.view === target ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate(target);
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <CurrentView route={route} dataVersion={dataVersion} info={info} onSettingsChange={() => setDataVersion((v) => v + 1)} />
      </AppShell.Main>
      <OnboardingDialog opened={!!info?.needsOnboarding} onDone={() => setDataVersion((v) => v + 1)} />
    </AppShell>
  );
}

function CurrentView({ route, dataVersion, info, onSettingsChange }: { route: Route; dataVersion: number; info: AppInfo | undefined; onSettingsChange: () => void }) {
  const key = `${route.view}/${route.id ?? ''}/${dataVersion}`;
  switch (route.view) {
    case 'dashboard':
      return <DashboardView key={key} />;
    case 'partnerships':
      return route.id ? <PartnershipPage key={key} id={route.id} /> : <PartnershipsView key={key} />;
    case 'map':
      return (
        <Suspense fallback={<Loader size="sm" />}>
          <MapView key={key} />
        </Suspense>
      );
    case 'organizations':
      return <OrganizationsView key={key} />;
    case 'meetings':
      return route.id ? <MeetingPage key={key} id={route.id} /> : <MeetingsView key={key} />;
    case 'timeline':
      return (
        <Suspense fallback={<Loader size="sm" />}>
          <TimelineView key={key} />
        </Suspense>
      );
    case 'tasks':
      return <TasksView key={key} />;
    case 'contacts':
      return <ContactsView key={key} />;
    case 'trash':
      return <TrashView key={key} />;
    case 'sync':
      return <SyncView key={key} />;
    case 'backups':
      return <BackupsView key={key} />;
    case 'import':
      return <ImportView key={key} />;
    case 'reports':
      return <ReportsView key={key} />;
    case 'search':
      return <SearchView key={key} query={route.id ?? ''} />;
    case 'settings':
      return <SettingsView info={info} onChange={onSettingsChange} />;
    default:
      return <PlaceholderView view={route.view} />;
  }
}
