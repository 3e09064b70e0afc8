/**
 * The offline map: country borders bundled with the app (world-atlas, Natural Earth 1:110m; no
 * tile server, no network), a dot for each place that is a party to a partnership, and a
 * great-circle line between the parties of each partnership, coloured by its status. Zoom to the
 * world, Europe or China; a line (click, or Tab then Enter) opens its partnership; a place lists
 * its partnerships.
 *
 * 'map.data' holds no titles (with them, and a line per pair, it was 6.4 MB at L; 1.4 MB without): a line is
 * named by its places and status, and the title of the line hovered or focused, and those of a chosen place's
 * partnerships, are asked for then ('map.titles').
 *
 * Loaded lazily (App.tsx): the borders are about 100 kB and stay out of the first screen's bundle.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { Anchor, Badge, Box, CloseButton, Group, Paper, SegmentedControl, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { geoGraticule10, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import countriesTopology from 'world-atlas/countries-110m.json';
import type { MapCity, MapTitle, UnplacedPartnership } from '@db/map';
import { MAP_TITLES_MAX } from '@common/limits';
import type { PartnershipStatus } from '@db/partnerships';
import { useApi } from '../useApi';
import { navigate, routeHash } from '../route';
import { localTitle, partyName, PARTNERSHIP_STATUS_LIST, STATUS_COLORS } from './partnership/common';
import { fitText, MAP_HEIGHT, MAP_REGIONS, MAP_WIDTH, placeLabels, projectionFor, type MapRegion } from './map/geometry';

type Topology = Parameters<typeof feature>[0];
type GeometryCollection = Extract<Parameters<typeof feature>[1], { type: 'GeometryCollection' }>;
const topology = countriesTopology as unknown as Topology & { objects: { countries: GeometryCollection } };
const COUNTRIES = feature(topology, topology.objects.countries);
const GRATICULE = geoGraticule10();

const LABEL_SIZE = 11;
/** Longer names are cut on the map (about 11 Chinese or 18 Latin characters); the tooltip has them whole. */
const MAX_LABEL_WIDTH = 122;

const statusColor = (status: PartnershipStatus) => `var(--mantine-color-${STATUS_COLORS[status]}-6)`;
const dotRadius = (count: number) => 3.5 + Math.min(3.5, (count - 1) * 1.2);

/** One partnership as drawn: its places (the first is the hub) and its lines (one, or a star from the hub) in the current zoom. */
interface DrawnPartnership {
  id: string;
  status: PartnershipStatus;
  places: MapCity[];
  cityIds: Set<string>;
  segments: string[];
}

/** How many places after the hub a line's name lists before "and N more". */
const NAMED_PLACES = 2;

type Focus = { kind: 'link' | 'city'; id: string } | null;

/** The zoom that shows a place best: China's, Europe's, else the world. */
function regionOf(city: MapCity | undefined): MapRegion | null {
  if (!city) return null;
  if (city.country === 'CN') return 'china';
  if (city.longitude >= -11 && city.longitude <= 36 && city.latitude >= 35 && city.latitude <= 62) return 'europe';
  return 'world';
}

/** #/map, or #/map/<organization id>: that place chosen, in the zoom that shows it. */
export function MapView({ placeId = null }: { placeId?: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data } = useApi('map.data');
  const [chosenRegion, setRegion] = useState<MapRegion | null>(null);
  const [focus, setFocus] = useState<Focus>(null);
  const [selectedCityId, setSelectedCityId] = useState<string | null>(placeId);
  const region = chosenRegion ?? regionOf(data?.cities.find((c) => c.id === placeId)) ?? 'world';

  const projection = useMemo(() => projectionFor(region), [region]);
  const path = useMemo(() => geoPath(projection), [projection]);
  const background = useMemo(
    () => ({
      sphere: path({ type: 'Sphere' }) ?? '',
      graticule: path(GRATICULE) ?? '',
      countries: COUNTRIES.features.map((country) => path(country)).filter((d): d is string => !!d),
    }),
    [path],
  );

  const partnerships = useMemo(
    () =>
      (data?.partnerships ?? []).map((p): DrawnPartnership => {
        const places = p.places.map((i) => data!.cities[i]!);
        const [hub, ...others] = places;
        const segments = others
          .map((to) =>
            path({
              type: 'LineString',
              coordinates: [
                [hub!.longitude, hub!.latitude],
                [to.longitude, to.latitude],
              ],
            }),
          )
          .filter((d): d is string => !!d);
        return { id: p.partnershipId, status: p.status, places, cityIds: new Set(places.map((c) => c.id)), segments };
      }),
    [data, path],
  );

  const cities = useMemo(
    () =>
      (data?.cities ?? [])
        .map((city) => {
          const point = projection([city.longitude, city.latitude]);
          const inside = !!point && point[0] >= 0 && point[0] <= MAP_WIDTH && point[1] >= 0 && point[1] <= MAP_HEIGHT;
          return { city, x: point?.[0] ?? 0, y: point?.[1] ?? 0, r: dotRadius(city.partnershipCount), inside };
        })
        .filter((c) => c.inside)
        // Bigger dots first, so a small one drawn on top of a neighbour leaves the bigger one's rim to click.
        .sort((a, b) => b.r - a.r),
    [data, projection],
  );

  const labels = useMemo(
    () =>
      placeLabels(
        [...cities]
          .sort((a, b) => b.city.partnershipCount - a.city.partnershipCount || a.city.displayName.localeCompare(b.city.displayName))
          .map(({ city, x, y, r }) => ({ id: city.id, text: fitText(partyName(city, lang), LABEL_SIZE, MAX_LABEL_WIDTH), x, y, r })),
        LABEL_SIZE,
      ),
    [cities, lang],
  );

  const statusCounts = useMemo(() => {
    const counts = Object.fromEntries(PARTNERSHIP_STATUS_LIST.map((s) => [s, 0])) as Record<PartnershipStatus, number>;
    for (const p of partnerships) counts[p.status] += 1;
    return counts;
  }, [partnerships]);

  const cityById = useMemo(() => new Map((data?.cities ?? []).map((c) => [c.id, c])), [data]);
  const focusCityId = focus?.kind === 'city' ? focus.id : selectedCityId;
  const highlighted = new Set(
    partnerships.filter((p) => (focus?.kind === 'link' ? p.id === focus.id : !!focusCityId && p.cityIds.has(focusCityId))).map((p) => p.id),
  );

  // The title of the line hovered or focused: its name on the map is its places; the title is said once it comes.
  const focusLinkId = focus?.kind === 'link' ? focus.id : null;
  const { data: focusTitles } = useApi('map.titles', { partnershipIds: [focusLinkId ?? ''] }, { enabled: !!focusLinkId });
  const focusTitle = focusTitles?.find((title) => title.partnershipId === focusLinkId);
  const titleLabel = (title: MapTitle) => t('map.titleLabel', { title: localTitle(title, lang), status: t(`status.${title.status}`) });
  const linkLabel = (p: DrawnPartnership) => {
    const [hub, ...others] = p.places.map((city) => partyName(city, lang));
    const named = others.slice(0, NAMED_PLACES).join(t('map.namesSeparator'));
    const to = others.length > NAMED_PLACES ? t('map.moreNames', { names: named, count: others.length - NAMED_PLACES }) : named;
    return t('map.linkLabel', { from: hub, to, status: t(`status.${p.status}`) });
  };
  const placeLabel = (city: MapCity) => t('map.placeLabel', { name: partyName(city, lang), count: city.partnershipCount });
  const openPartnership = (id: string) => navigate('partnerships', id);
  /** A line or a dot: reachable by Tab, marked while hovered or focused, `activate` on click or Enter. */
  const interactive = (target: NonNullable<Focus>, activate: () => void) => ({
    tabIndex: 0,
    style: { cursor: 'pointer', outline: 'none' },
    onClick: activate,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      activate();
    },
    onMouseEnter: () => setFocus(target),
    onMouseLeave: () => setFocus(null),
    onFocus: () => setFocus(target),
    onBlur: () => setFocus(null),
  });
  const selectedCity = selectedCityId ? cityById.get(selectedCityId) : undefined;

  const focusText = (() => {
    if (focus?.kind === 'link') return focusTitle ? titleLabel(focusTitle) : '';
    const city = focus ? cityById.get(focus.id) : undefined;
    return city ? placeLabel(city) : '';
  })();

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group align="baseline" gap="md">
          <Title order={1} size="h2">
            {t('map.title')}
          </Title>
          {data ? (
            <Text c="dimmed" size="sm" data-testid="map-summary">
              {t('map.summary', { count: partnerships.length, places: data.cities.length })}
            </Text>
          ) : null}
        </Group>
        <SegmentedControl
          aria-label={t('map.region.label')}
          value={region}
          onChange={(value) => setRegion(value as MapRegion)}
          data={MAP_REGIONS.map((value) => ({ value, label: t(`map.region.${value}`) }))}
        />
      </Group>

      <Group gap="md" wrap="wrap" data-testid="map-legend" aria-label={t('map.legend')} role="list">
        <Text size="sm" fw={500}>
          {t('map.legend')}
        </Text>
        {PARTNERSHIP_STATUS_LIST.map((status) => (
          <Group key={status} gap={6} wrap="nowrap" role="listitem">
            <svg width="22" height="10" aria-hidden>
              <line x1="1" y1="5" x2="21" y2="5" stroke={statusColor(status)} strokeWidth="3" strokeLinecap="round" />
            </svg>
            <Text size="sm">{t(`status.${status}`)}</Text>
            <Text size="sm" c="dimmed">
              {statusCounts[status]}
            </Text>
          </Group>
        ))}
      </Group>

      <Paper withBorder radius="md" style={{ position: 'relative', overflow: 'hidden' }}>
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          width="100%"
          role="group"
          aria-label={t('map.mapLabel')}
          data-testid="map"
          data-region={region}
          style={{ display: 'block', maxHeight: 'calc(100vh - 240px)', background: 'var(--mantine-color-gray-0)' }}
        >
          <path d={background.sphere} fill="var(--mantine-color-blue-0)" />
          <path d={background.graticule} fill="none" stroke="var(--mantine-color-blue-1)" strokeWidth={0.5} vectorEffect="non-scaling-stroke" />
          <g fill="var(--mantine-color-gray-2)" stroke="var(--mantine-color-gray-5)" strokeWidth={0.4} vectorEffect="non-scaling-stroke">
            {background.countries.map((d, i) => (
              <path key={i} d={d} vectorEffect="non-scaling-stroke" />
            ))}
          </g>

          {partnerships
            .filter((p) => p.segments.length > 0)
            .map((p) => {
              const label = linkLabel(p);
              const dimmed = highlighted.size > 0 && !highlighted.has(p.id);
              return (
                <g
                  key={p.id}
                  role="link"
                  aria-label={label}
                  data-testid="map-link"
                  data-partnership-id={p.id}
                  data-status={p.status}
                  {...interactive({ kind: 'link', id: p.id }, () => openPartnership(p.id))}
                >
                  <title>{focusTitle?.partnershipId === p.id ? titleLabel(focusTitle) : label}</title>
                  {p.segments.map((d, i) => (
                    <path key={`hit${i}`} d={d} fill="none" stroke="transparent" strokeWidth={14} pointerEvents="stroke" vectorEffect="non-scaling-stroke" />
                  ))}
                  {p.segments.map((d, i) => (
                    <path
                      key={`line${i}`}
                      d={d}
                      fill="none"
                      stroke={statusColor(p.status)}
                      strokeWidth={2}
                      strokeLinecap="round"
                      opacity={dimmed ? 0.25 : 0.9}
                      pointerEvents="none"
                      vectorEffect="non-scaling-stroke"
                    />
                  ))}
                </g>
              );
            })}

          {/* The highlighted lines again, on top, with a white casing: the hover and keyboard focus mark. */}
          <g pointerEvents="none" aria-hidden>
            {partnerships
              .filter((p) => highlighted.has(p.id))
              .flatMap((p) =>
                p.segments.flatMap((d, i) => [
                  <path key={`${p.id}-case${i}`} d={d} fill="none" stroke="white" strokeWidth={7} strokeLinecap="round" vectorEffect="non-scaling-stroke" />,
                  <path
                    key={`${p.id}-line${i}`}
                    d={d}
                    fill="none"
                    stroke={statusColor(p.status)}
                    strokeWidth={4}
                    strokeLinecap="round"
                    vectorEffect="non-scaling-stroke"
                  />,
                ]),
              )}
          </g>

          {cities.map(({ city, x, y, r }) => {
            const label = placeLabel(city);
            const marked = focusCityId === city.id;
            return (
              <circle
                key={city.id}
                cx={x}
                cy={y}
                r={marked ? r + 2 : r}
                role="button"
                aria-label={label}
                aria-pressed={selectedCityId === city.id}
                data-testid="map-city"
                fill={marked ? 'var(--mantine-color-blue-7)' : 'var(--mantine-color-dark-5)'}
                stroke="white"
                strokeWidth={1.5}
                vectorEffect="non-scaling-stroke"
                {...interactive({ kind: 'city', id: city.id }, () => setSelectedCityId(city.id))}
              >
                <title>{label}</title>
              </circle>
            );
          })}

          <g
            pointerEvents="none"
            aria-hidden
            fontSize={LABEL_SIZE}
            fill="var(--mantine-color-dark-7)"
            stroke="white"
            strokeWidth={3}
            strokeLinejoin="round"
            paintOrder="stroke"
          >
            {labels.map((label) => (
              <text key={label.id} x={label.x} y={label.y} textAnchor={label.anchor} data-testid="map-label">
                {label.text}
              </text>
            ))}
          </g>
        </svg>

        {/* What the pointer or keyboard is on, over the map's top left corner: it never moves the map. */}
        <Text
          size="sm"
          aria-live="polite"
          data-testid="map-focus"
          px={8}
          py={2}
          style={{
            position: 'absolute',
            top: 8,
            left: 8,
            maxWidth: 'calc(100% - 16px)',
            pointerEvents: 'none',
            borderRadius: 4,
            background: focusText ? 'rgba(255, 255, 255, 0.9)' : 'transparent',
          }}
        >
          {focusText}
        </Text>

        {data && partnerships.length === 0 ? (
          <Paper withBorder shadow="sm" p="md" maw={420} style={{ position: 'absolute', top: '50%', left: '50%', transform: 'translate(-50%, -50%)' }}>
            <Text>{t('map.empty')}</Text>
          </Paper>
        ) : null}

        {selectedCity ? <CityPartnerships city={selectedCity} partnerships={partnerships} onClose={() => setSelectedCityId(null)} /> : null}
      </Paper>
      {data && data.unplaced.length > 0 ? <Unplaced unplaced={data.unplaced} total={data.unplacedTotal} /> : null}
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('map.hint')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('map.source')}
        </Text>
      </Group>
    </Stack>
  );
}

/** The partnerships the map cannot draw, or draws in part, and the parties it has no coordinates for: each a link to fix. */
function Unplaced({ unplaced, total }: { unplaced: UnplacedPartnership[]; total: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="map-unplaced-title" data-testid="map-unplaced">
      <Text fw={600} size="sm" id="map-unplaced-title">
        {t('map.unplaced.title', { count: total })}
      </Text>
      <Spoiler maxHeight={120} showLabel={t('partnership.page.showMore')} hideLabel={t('partnership.page.showLess')}>
        <Stack gap={2} mt={4}>
          {unplaced.map((u) => (
            <Text key={u.partnershipId} size="sm">
              <Anchor size="sm" href={routeHash('partnerships', u.partnershipId)}>
                {localTitle(u, lang)}
              </Anchor>
              {u.drawn ? ` (${t('map.unplaced.partly')})` : ''}
              {': '}
              {t('map.unplaced.why')}{' '}
              {u.missing.map((m, i) => (
                <span key={m.id}>
                  {i > 0 ? t('map.unplaced.separator') : ''}
                  <Anchor size="sm" href={routeHash('organizations', m.id)}>
                    {partyName(m, lang)}
                  </Anchor>
                </span>
              ))}
            </Text>
          ))}
          {total > unplaced.length ? (
            <Text size="sm" c="dimmed">
              {t('map.unplaced.more', { count: total - unplaced.length })}
            </Text>
          ) : null}
        </Stack>
      </Spoiler>
    </Paper>
  );
}

/** A place's partnerships, as links, over the bottom right corner of the map (the Pacific in the world view): their titles asked for when it opens. */
function CityPartnerships({ city, partnerships, onClose }: { city: MapCity; partnerships: DrawnPartnership[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const name = partyName(city, lang);
  const own = useMemo(() => partnerships.filter((p) => p.cityIds.has(city.id)).slice(0, MAP_TITLES_MAX), [partnerships, city.id]);
  const { data: titles } = useApi('map.titles', { partnershipIds: own.map((p) => p.id) }, { enabled: own.length > 0 });
  return (
    <Paper
      withBorder
      shadow="md"
      p="sm"
      w={320}
      role="dialog"
      aria-label={t('map.placePartnerships', { name })}
      data-testid="map-city-panel"
      style={{ position: 'absolute', bottom: 8, right: 8, maxHeight: 'calc(100% - 16px)', overflowY: 'auto' }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" mb="xs">
        <Text fw={600} size="sm">
          {t('map.placePartnerships', { name })}
        </Text>
        <CloseButton size="sm" aria-label={t('map.close')} onClick={onClose} data-autofocus />
      </Group>
      <Stack gap={6} aria-busy={own.length > 0 && !titles}>
        {own.length > 0 && !titles ? (
          <Text size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        ) : null}
        {(titles ?? []).map((p) => (
          <Group key={p.partnershipId} gap="xs" wrap="nowrap" align="flex-start">
            <Badge size="xs" variant="light" color={STATUS_COLORS[p.status]} tt="none" style={{ flexShrink: 0, marginTop: 3 }}>
              {t(`status.${p.status}`)}
            </Badge>
            <Anchor size="sm" href={routeHash('partnerships', p.partnershipId)}>
              {localTitle(p, lang)}
            </Anchor>
          </Group>
        ))}
      </Stack>
      {city.partnershipCount > own.length ? (
        <Box mt="xs">
          <Text size="xs" c="dimmed">
            {t('map.unlocated', { count: city.partnershipCount - own.length })}
          </Text>
        </Box>
      ) : null}
    </Paper>
  );
}
