// Every domain, in one list: the desk's local router mounts each domain's
// procedures under its name (desk/router.ts), and the mutation registry below
// is what the central store accepts in a push and what a desk replays on
// rebase. To add a domain: create its folder with an index.ts that exports a
// defineDomain(...) and add it here (src-main/README.md).
import type { Mutation } from './mutations/define';
import { calls } from './calls';
import { equipment } from './equipment';
import { intake } from './intake';
import { reporters } from './reporters';
import { shifts } from './shifts';
import { sla } from './sla';
import { systems } from './systems';
import { tickets } from './tickets';

export const DOMAINS = { calls, sla, tickets, reporters, equipment, shifts, systems, intake };

function byName(mutations: readonly Mutation[]): ReadonlyMap<string, Mutation> {
  const map = new Map<string, Mutation>();
  for (const m of mutations) {
    if (map.has(m.name)) throw new Error(`Two mutations are named ${m.name}`);
    map.set(m.name, m);
  }
  return map;
}

const domains = Object.values(DOMAINS);

/** Every mutation a desk may push, by name. A name missing here is unknown everywhere. */
export const MUTATIONS = byName(domains.flatMap((d) => d.mutations));

/** Mutations only the central store runs (its own changes); never accepted from a desk. */
export const SERVER_MUTATIONS = byName(domains.flatMap((d) => d.serverMutations ?? []));

// A server-only mutation with a desk mutation's name would be pushable after all.
for (const name of SERVER_MUTATIONS.keys()) {
  if (MUTATIONS.has(name)) throw new Error(`${name} is both a desk and a server-only mutation`);
}
