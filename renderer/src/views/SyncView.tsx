import { PlaceholderView } from './PlaceholderView';

export function SyncView() {
  return <PlaceholderView view="sync" />;
}
