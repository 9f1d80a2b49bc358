// A synced setting every desk shares (the SLA settings, the caller-ID rules):
// one JSON value per key, replaced whole by the mutation that owns the key,
// with who changed it and when. Last writer wins, in the central store's order.
import { SharedSetting } from '../store/entities';
import type { MutationContext } from './define';

export async function writeSharedSetting(
  { write, actor }: MutationContext,
  key: string,
  value: unknown,
  at: string,
): Promise<void> {
  await write.upsert(SharedSetting, {
    key,
    value: JSON.stringify(value),
    updatedAt: at,
    updatedBy: actor.name,
  });
}
