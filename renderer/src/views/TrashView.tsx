import { PlaceholderView } from './PlaceholderView';

export function TrashView() {
  return <PlaceholderView view="trash" />;
}
