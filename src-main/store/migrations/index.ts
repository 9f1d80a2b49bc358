// Every migration of the desk's local store, oldest first. A store holding a
// migration not listed here was written by a newer version and is refused.
import { Initial1764230400000 } from './1764230400000-initial';
import { SharedSettings1764316800000 } from './1764316800000-shared-settings';
import { Sync1764403200000 } from './1764403200000-sync';
import { Tickets1764576000000 } from './1764576000000-tickets';
import { Telephony1764662400000 } from './1764662400000-telephony';
import { TicketWritePath1764748800000 } from './1764748800000-ticket-write-path';
import { PhoneRules1764835200000 } from './1764835200000-phone-rules';
import { Equipment1765094400000 } from './1765094400000-equipment';
import { EquipmentWritePath1765180800000 } from './1765180800000-equipment-write-path';
import { OutboxAndHistoryKeys1765267200000 } from './1765267200000-outbox-and-history-keys';
import { Shifts1765353600000 } from './1765353600000-shifts';
import { Presence1765440000000 } from './1765440000000-presence';
import { DeskLinks1765526400000 } from './1765526400000-desk-links';
import { LiveViewIndexes1765612800000 } from './1765612800000-live-view-indexes';
import { TicketTouches1765699200000 } from './1765699200000-ticket-touches';
import { Systems1765785600000 } from './1765785600000-systems';
import { Intake1765872000000 } from './1765872000000-intake';
import { CallCallerIndex1765958400000 } from './1765958400000-call-caller-index';

export const LOCAL_MIGRATIONS = [
  Initial1764230400000,
  SharedSettings1764316800000,
  Sync1764403200000,
  Tickets1764576000000,
  Telephony1764662400000,
  TicketWritePath1764748800000,
  PhoneRules1764835200000,
  Equipment1765094400000,
  EquipmentWritePath1765180800000,
  OutboxAndHistoryKeys1765267200000,
  Shifts1765353600000,
  Presence1765440000000,
  DeskLinks1765526400000,
  LiveViewIndexes1765612800000,
  TicketTouches1765699200000,
  Systems1765785600000,
  Intake1765872000000,
  CallCallerIndex1765958400000,
];
