import { PlaceholderView } from './PlaceholderView';

export function ContactsView() {
  return <PlaceholderView view="contacts" />;
}
