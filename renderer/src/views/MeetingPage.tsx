import { PlaceholderView } from './PlaceholderView';

/** `id` is a meeting id, or 'new' for the meeting log form. */
export function MeetingPage({ id }: { id: string }) {
  return <PlaceholderView view="meetings" key={id} />;
}
