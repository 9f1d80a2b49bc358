// The central store's migrations, oldest first (the same on SQLite and PostgreSQL).
import { CentralInitial1764489600000 } from './1764489600000-central-initial';
import { CentralTickets1764576000000 } from './1764576000000-central-tickets';
import { CentralTelephony1764662400000 } from './1764662400000-central-telephony';
import { CentralPhoneRules1764835200000 } from './1764835200000-central-phone-rules';
import { CentralCtiFormats1764921600000 } from './1764921600000-central-cti-formats';
import { CentralDeskKeys1765008000000 } from './1765008000000-central-desk-keys';
import { CentralEquipment1765094400000 } from './1765094400000-central-equipment';
import { CentralShifts1765353600000 } from './1765353600000-central-shifts';
import { CentralPresence1765440000000 } from './1765440000000-central-presence';
import { CentralDeskLinks1765526400000 } from './1765526400000-central-desk-links';
import { CentralWallboards1765612800000 } from './1765612800000-central-wallboards';
import { CentralSystems1765785600000 } from './1765785600000-central-systems';
import { CentralIntake1765872000000 } from './1765872000000-central-intake';
import { CentralIntakeDrafts1766044800000 } from './1766044800000-central-intake-drafts';

export const CENTRAL_MIGRATIONS = [
  CentralInitial1764489600000,
  CentralTickets1764576000000,
  CentralTelephony1764662400000,
  CentralPhoneRules1764835200000,
  CentralCtiFormats1764921600000,
  CentralDeskKeys1765008000000,
  CentralEquipment1765094400000,
  CentralShifts1765353600000,
  CentralPresence1765440000000,
  CentralDeskLinks1765526400000,
  CentralWallboards1765612800000,
  CentralSystems1765785600000,
  CentralIntake1765872000000,
  CentralIntakeDrafts1766044800000,
];
