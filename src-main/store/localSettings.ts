// Desk-only settings (client id, local profile), kept as JSON in local_setting.
// They describe this installation, not shared data, so they bypass the outbox.
import type { EntityManager } from 'typeorm';
import { LocalSetting } from './entities';

export async function readSetting<T>(manager: EntityManager, key: string): Promise<T | null> {
  const row = await manager.findOneBy(LocalSetting, { key });
  return row ? (JSON.parse(row.value) as T) : null;
}

export async function writeSetting(manager: EntityManager, key: string, value: unknown): Promise<void> {
  await manager.upsert(LocalSetting, { key, value: JSON.stringify(value) }, ['key']);
}
