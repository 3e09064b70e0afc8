import { PlaceholderView } from './PlaceholderView';

export function PartnershipPage({ id }: { id: string }) {
  return <PlaceholderView view="partnerships" key={id} />;
}
