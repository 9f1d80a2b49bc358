// The central store's migrations, oldest first (the same on SQLite and PostgreSQL).
import { CentralInitial1764489600000 } from './1764489600000-central-initial';

export const CENTRAL_MIGRATIONS = [CentralInitial1764489600000];
