import { useState } from 'react';
import { Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconMapPinSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { showError } from '../notify';
import { countryName } from '../format';
import type { Place } from '@db/gazetteer';

/**
 * Coordinates from the gazetteer shipped with the app (db/gazetteer.ts): the places matching any of the
 * organization's names and aliases (in its country, when chosen), the most populous first; a click takes one.
 */
export function PlaceFinder({ names, country, onPick }: { names: string[]; country: string; onPick: (place: Place) => void }) {
  const { t, i18n } = useTranslation();
  const [places, setPlaces] = useState<Place[] | null>(null);
  const [busy, setBusy] = useState(false);
  const wanted = names.map((n) => n.trim()).filter((n) => n.length >= 2);

  const find = async () => {
    setBusy(true);
    try {
      setPlaces(await api['places.search']({ names: wanted.slice(0, 30), country: country || null }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const number = new Intl.NumberFormat(i18n.language === 'zh' ? 'zh-CN' : 'en');
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconMapPinSearch size={14} aria-hidden />}
          loading={busy}
          disabled={wanted.length === 0}
          onClick={() => void find()}
        >
          {t('organizations.places.find')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('organizations.places.hint')}
        </Text>
      </Group>
      {places && places.length === 0 ? (
        <Text size="sm" role="status">
          {t('organizations.places.none')}
        </Text>
      ) : null}
      {places && places.length > 0 ? (
        <Stack gap={2} role="group" aria-label={t('organizations.places.results')} data-testid="place-results">
          {places.map((place) => (
            <UnstyledButton
              key={place.id}
              className="search-hit"
              p={4}
              onClick={() => {
                onPick(place);
                setPlaces(null);
              }}
            >
              <Text size="sm" span fw={500}>
                {place.name}
              </Text>
              <Text size="sm" span>
                {' · '}
                {countryName(place.country)} · {place.latitude.toFixed(3)}, {place.longitude.toFixed(3)}
              </Text>
              <Text size="xs" span c="dimmed">
                {' · '}
                {t('organizations.places.population', { count: place.population, formatted: number.format(place.population) })}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
