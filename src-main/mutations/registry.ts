// Every named mutation by name: what the central store accepts in a push and
// what the desk replays on rebase. A name missing here is unknown everywhere.
import { CALL_MUTATIONS } from '../calls/mutations';
import { slaSetSettings } from '../sla/mutations';
import { TICKET_MUTATIONS } from '../tickets/mutations';
import { reporterImport } from '../reporters/mutations';
import type { Mutation } from './define';

export const MUTATIONS: ReadonlyMap<string, Mutation> = new Map(
  ([...CALL_MUTATIONS, slaSetSettings, ...TICKET_MUTATIONS, reporterImport] as Mutation[]).map((m) => [
    m.name,
    m,
  ]),
);
