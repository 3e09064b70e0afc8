import { memo, Suspense, useEffect, useRef, type RefObject } from 'react';
import { lazyView } from './lib/lazy-view';
import { AppShell, Group, Loader, NavLink, SegmentedControl, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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
import { useApi } from './useApi';
import type { AppInfo } from '@db/info';
import { SearchBox } from './components/SearchBox';
import { useDesktopShell } from './desktop';
import { RemindersButton } from './components/RemindersButton';
import { focusPageHeading, visibleHeading } from './components/Dialog';
import { installFocusKeeper } from './lib/focus-keeper';
import { whenReadsSettle } from './lib/reads-settle';
import { readAheadAtRest } from './lib/read-ahead';
import { logColumns } from './views/meeting/log-columns';
import { OnboardingDialog } from './views/OnboardingDialog';
import { DiscardChangesDialog } from './components/DiscardChangesDialog';
import { DashboardView } from './views/DashboardView';

/**
 * Every view but the dashboard is its own chunk: the first screen's bundle holds only what the
 * dashboard needs (the map's borders alone are 140 kB). They load on first visit, and all but the
 * map in idle time once the first screen is up (`preloadViews`), so opening one does not wait.
 */
const VIEW_LOADERS = {
  MapView: lazyView(() => import('./views/MapView').then((module) => module.MapView)),
  TimelineView: lazyView(() => import('./views/TimelineView').then((module) => module.TimelineView)),
  SearchView: lazyView(() => import('./views/SearchView').then((module) => module.SearchView)),
  PartnershipsView: lazyView(() => import('./views/PartnershipsView').then((module) => module.PartnershipsView)),
  PartnershipPage: lazyView(() => import('./views/PartnershipPage').then((module) => module.PartnershipPage)),
  OrganizationsView: lazyView(() => import('./views/OrganizationsView').then((module) => module.OrganizationsView)),
  OrganizationPage: lazyView(() => import('./views/OrganizationPage').then((module) => module.OrganizationPage)),
  MeetingsView: lazyView(() => import('./views/MeetingsView').then((module) => module.MeetingsView)),
  MeetingPage: lazyView(() => import('./views/MeetingPage').then((module) => module.MeetingPage)),
  TasksView: lazyView(() => import('./views/TasksView').then((module) => module.TasksView)),
  ContactsView: lazyView(() => import('./views/ContactsView').then((module) => module.ContactsView)),
  BackupsView: lazyView(() => import('./views/BackupsView').then((module) => module.BackupsView)),
  TrashView: lazyView(() => import('./views/TrashView').then((module) => module.TrashView)),
  SyncView: lazyView(() => import('./views/SyncView').then((module) => module.SyncView)),
  ReportsView: lazyView(() => import('./views/ReportsView').then((module) => module.ReportsView)),
  PlaceholderView: lazyView(() => import('./views/PlaceholderView').then((module) => module.PlaceholderView)),
  SettingsView: lazyView(() => import('./views/SettingsView').then((module) => module.SettingsView)),
  ImportView: lazyView(() => import('./views/ImportView').then((module) => module.ImportView)),
};
const MapView = VIEW_LOADERS.MapView;
const TimelineView = VIEW_LOADERS.TimelineView;
const SearchView = VIEW_LOADERS.SearchView;
const PartnershipsView = VIEW_LOADERS.PartnershipsView;
const PartnershipPage = VIEW_LOADERS.PartnershipPage;
const OrganizationsView = VIEW_LOADERS.OrganizationsView;
const OrganizationPage = VIEW_LOADERS.OrganizationPage;
const MeetingsView = VIEW_LOADERS.MeetingsView;
const MeetingPage = VIEW_LOADERS.MeetingPage;
const TasksView = VIEW_LOADERS.TasksView;
const ContactsView = VIEW_LOADERS.ContactsView;
const BackupsView = VIEW_LOADERS.BackupsView;
const TrashView = VIEW_LOADERS.TrashView;
const SyncView = VIEW_LOADERS.SyncView;
const ReportsView = VIEW_LOADERS.ReportsView;
const PlaceholderView = VIEW_LOADERS.PlaceholderView;
const SettingsView = VIEW_LOADERS.SettingsView;
const ImportView = VIEW_LOADERS.ImportView;

function preloadViews(): void {
  // Not the map: its borders are the heaviest chunk, and many offices never open it.
  for (const [name, view] of Object.entries(VIEW_LOADERS)) if (name !== 'MapView') void view.preload();
}

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
  const { data: info } = useApi('app.info');
  // The office's name in the UI's language: its English name in English, where there is one.
  const officeName = (i18n.language === 'en' ? info?.officeNameEn : null) ?? info?.officeName ?? null;
  // Focus never drops to <body> when a row it was on is deleted, restored or completed.
  useEffect(installFocusKeeper, []);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(preloadViews);
  }, []);
  // Once the first screen has its data: the meeting log's first page and its column widths in the UI language, so that
  // opening the log draws its rows at once, in one render.
  useEffect(
    () =>
      whenReadsSettle(() => {
        readAheadAtRest();
        logColumns(i18n.language);
      }),
    [i18n],
  );

  const main = useRef<HTMLElement>(null);
  usePageHeading(main, `${route.view}/${route.id ?? ''}`, t('app.name'));
  // Narrow windows (a small screen, or 200% zoom at 1280 px and 1024 px): the sidebar shows icons
  // with their names in a tooltip and as the link's accessible name, and the header drops its text.
  const narrow = useMediaQuery('(max-width: 56em)') ?? false;

  return (
    <AppShell navbar={{ width: narrow ? 64 : 200, breakpoint: 0 }} header={{ height: 56 }} padding={narrow ? 'xs' : 'md'}>
      <a
        className="skip-link"
        href={routeHash(route.view, route.id)}
        onClick={(event) => {
          event.preventDefault();
          if (!focusPageHeading()) main.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <AppHeader narrow={narrow} officeName={officeName} officeNameIsEn={!!officeName && officeName === info?.officeNameEn} />
      </AppShell.Header>
      {/* Scrolls when the window is too short for every link (200% zoom): none is ever out of reach. */}
      <AppShell.Navbar p="xs" aria-label={t('app.name')} style={{ overflowY: 'auto' }}>
        {NAV.map(({ view: target, icon }) => (
          <NavItem key={target} view={target} icon={icon} active={route.view === target} narrow={narrow} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main ref={main} tabIndex={-1} style={{ outline: 'none' }}>
        <Suspense fallback={<Loader size="sm" />}>
          <CurrentView route={route} info={info} />
        </Suspense>
      </AppShell.Main>
      <OnboardingDialog opened={!!info?.needsOnboarding} />
      <DiscardChangesDialog />
    </AppShell>
  );
}

/**
 * The header: the app's and the office's names, the search, the bell and the language. Drawn again for its own
 * changes only, not for each change of address (the bell follows the address itself).
 */
const AppHeader = memo(function AppHeader({ narrow, officeName, officeNameIsEn }: { narrow: boolean; officeName: string | null; officeNameIsEn: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Group h="100%" px={narrow ? 'xs' : 'md'} justify="space-between" wrap="nowrap" gap={narrow ? 'xs' : 'md'}>
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <IconHeartHandshake size={26} aria-hidden style={{ flexShrink: 0 }} />
        {/* The app's name, not a heading: each view's title is the page's h1. */}
        <Text component="span" fw={700} fz="h4" style={{ whiteSpace: 'nowrap' }}>
          {narrow ? <VisuallyHidden>{t('app.name')}</VisuallyHidden> : t('app.name')}
        </Text>
        {officeName && !narrow ? (
          <Text c="dimmed" size="sm" truncate lang={officeNameIsEn ? 'en' : undefined}>
            {officeName}
          </Text>
        ) : null}
      </Group>
      <Group gap={narrow ? 'xs' : 'md'} wrap="nowrap">
        <SearchBox narrow={narrow} />
        <RemindersButton />
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
  );
});

/** A link of the sidebar: drawn again when it becomes or stops being the current view, not for every change of address. */
const NavItem = memo(function NavItem({
  view,
  icon: Icon,
  active,
  narrow,
}: {
  view: View;
  icon: typeof IconLayoutDashboard;
  active: boolean;
  narrow: boolean;
}) {
  const { t } = useTranslation();
  const link = (
    <NavLink
      href={routeHash(view)}
      label={narrow ? null : t(`nav.${view}`)}
      aria-label={narrow ? t(`nav.${view}`) : undefined}
      leftSection={<Icon size={narrow ? 22 : 18} aria-hidden />}
      active={active}
      aria-current={active ? 'page' : undefined}
      style={{ flexShrink: 0 }}
      onClick={(event) => {
        event.preventDefault();
        navigate(view);
      }}
    />
  );
  // The name as a tooltip only where the sidebar shows icons alone: fourteen tooltips' hooks cost the first screen.
  return narrow ? (
    <Tooltip label={t(`nav.${view}`)} position="right" withinPortal>
      {link}
    </Tooltip>
  ) : (
    link
  );
});

/**
 * The view's heading names the window ("汕头—布尔加斯项目合作 · 伙伴关系管理"), and after a route
 * change it takes focus once drawn, unless focus is already in the new view, in a dialog or in a field: a
 * keyboard or screen-reader user starts at the top of what they opened, never at <body>.
 */
function usePageHeading(main: RefObject<HTMLElement | null>, place: string, appName: string): void {
  // The place whose heading has had its chance at focus: the first screen keeps the browser's own start.
  const focusedPlace = useRef(place);
  useEffect(() => {
    const root = main.current;
    if (!root) return;
    const update = () => {
      const heading = visibleHeading(root);
      const text = heading?.textContent?.trim();
      document.title = text ? `${text} · ${appName}` : appName;
      if (focusedPlace.current === place || !heading) return;
      focusedPlace.current = place;
      const active = document.activeElement;
      // Already in the new view (a form's first field), in a dialog, or in a field being typed in (Ctrl+K pressed while
      // a drawer closed: the address changes after the search box has focus); not on the hidden previous view.
      const settled =
        active &&
        active !== document.body &&
        active.getClientRects().length > 0 &&
        (root.contains(active) || active.closest('[role="dialog"]') || active.matches('input, textarea, select, [role="combobox"]'));
      if (!settled) focusPageHeading();
    };
    update();
    // Until the new view's heading has had its chance at focus, at once; after that (the title alone), once a frame at
    // most: finding the drawn heading lays the page out, and a scrolling list changes the page many times a frame.
    let frame = 0;
    const observer = new MutationObserver(() => {
      if (focusedPlace.current !== place) return update();
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [main, place, appName]);
}

/**
 * The view at the address, mounted afresh for each place. A change of data (a save, a merge, new settings)
 * never remounts it: the query cache reads its data again behind what it shows (api/cache.ts).
 */
function CurrentView({ route, info }: { route: Route; info: AppInfo | undefined }) {
  const key = `${route.view}/${route.id ?? ''}`;
  switch (route.view) {
    case 'dashboard':
      return <DashboardView key={key} />;
    case 'partnerships':
      return route.id ? <PartnershipPage key={key} id={route.id} /> : <PartnershipsView key={key} />;
    case 'map':
      return <MapView key={key} placeId={route.id} />;
    case 'organizations':
      return route.id ? <OrganizationPage key={key} id={route.id} /> : <OrganizationsView key={key} />;
    case 'meetings':
      return route.id ? <MeetingPage key={key} id={route.id} /> : <MeetingsView key={key} />;
    case 'timeline':
      return <TimelineView key={key} />;
    case 'tasks':
      return <TasksView key={key} />;
    case 'contacts':
      // The contact in the address opens its drawer over the same list: no remount, the search and scroll stay.
      return <ContactsView key="contacts" openId={route.id} />;
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
      return <SettingsView info={info} />;
    default:
      return <PlaceholderView view={route.view} />;
  }
}
