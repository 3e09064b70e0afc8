import { PlaceholderView } from './PlaceholderView';

export function TasksView() {
  return <PlaceholderView view="tasks" />;
}
