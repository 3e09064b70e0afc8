import { PlaceholderView } from './PlaceholderView';

export function MeetingsView() {
  return <PlaceholderView view="meetings" />;
}
