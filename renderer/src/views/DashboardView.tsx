import { PlaceholderView } from './PlaceholderView';

export function DashboardView() {
  return <PlaceholderView view="dashboard" />;
}
