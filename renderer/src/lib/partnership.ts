/** Partnership values the components and the views both show: status colours, the title in the UI language. */
import type { PartnershipStatus } from '@db/partnerships';
export { localTitle } from './task-format';

export const STATUS_COLORS: Record<PartnershipStatus, string> = {
  prospect: 'gray',
  negotiating: 'yellow',
  active: 'green',
  dormant: 'orange',
  concluded: 'blue',
};
