import { PlaceholderView } from './PlaceholderView';

export function ReportsView() {
  return <PlaceholderView view="reports" />;
}
