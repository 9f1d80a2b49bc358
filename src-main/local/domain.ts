// What a domain hands the rest of the desk and the central store: its named
// mutations (those a desk may push, and those only the central store runs)
// and its procedures on the desk's local router. Each domain folder exports
// one of these from its index.ts; src-main/domains.ts lists them, and the
// mutation registry and the local router are built from that list.
import type { AnyRouter } from '@trpc/server';
import type { Mutation } from '../mutations/define';

export interface Domain<R extends AnyRouter = AnyRouter> {
  /** Mutations a desk may run and push (the registry the central store and the desk's rebase read). */
  mutations: readonly Mutation[];
  /** Mutations only the central store runs, as itself (phone events, message delivery); no desk can push one. */
  serverMutations?: readonly Mutation[];
  /** The domain's procedures on the desk's local router, mounted under the domain's name. */
  router: R;
}

export function defineDomain<R extends AnyRouter>(domain: Domain<R>): Domain<R> {
  return domain;
}

/** The domains' routers by name, typed, for the local router. */
export function routersOf<D extends Record<string, Domain>>(domains: D): { [K in keyof D]: D[K]['router'] } {
  return Object.fromEntries(Object.entries(domains).map(([name, d]) => [name, d.router])) as {
    [K in keyof D]: D[K]['router'];
  };
}
