/** An organization's place on a contract form: its country chosen by name, and coordinates found in the gazetteer. */
import { useFormContext } from 'react-hook-form';
import { CountrySelect } from '../CountrySelect';
import { PlaceFinder } from '../PlaceFinder';
import { FormField } from './fields';

/** The form's `country` ('' for none), chosen by its name in either language. */
export function FormCountrySelect({ label }: { label: string }) {
  return (
    <FormField
      name="country"
      render={(field, state) => <CountrySelect label={label} value={field.value as string} onChange={field.onChange} error={state.message} />}
    />
  );
}

/** Looks the names up in the gazetteer; a pick sets `latitude` and `longitude`, and `country` when none is chosen. */
export function FormPlaceFinder({ names }: { names: string[] }) {
  const { watch, setValue, getValues } = useFormContext();
  const country = watch('country') as string;
  return (
    <PlaceFinder
      names={names}
      country={country}
      onPick={(place) => {
        const dirty = { shouldDirty: true };
        setValue('latitude', place.latitude, dirty);
        setValue('longitude', place.longitude, dirty);
        if (!getValues('country')) setValue('country', place.country, dirty);
      }}
    />
  );
}
