// The reference data the systems pages name things by: the customer
// municipalities (the desk's list) and the register's systems.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../app/trpc';

export function useCustomers() {
  const trpc = useTRPC();
  const q = useQuery(trpc.calls.customers.queryOptions());
  const list = q.data ?? [];
  const byId = new Map(list.map((c) => [c.id, c.name]));
  return { list, name: (id: string) => byId.get(id) ?? id };
}

export function useSystemList() {
  const trpc = useTRPC();
  const q = useQuery(trpc.systems.list.queryOptions());
  const list = q.data ?? [];
  const byId = new Map(list.map((s) => [s.id, s]));
  return { query: q, list, byId, name: (id: string) => byId.get(id)?.name ?? id };
}
