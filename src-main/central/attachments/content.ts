// Attachment bytes on the central store (issue 17, item 4): kept once per
// content, by SHA-256, base64 in a text column (the same on SQLite and
// PostgreSQL). Stored before the message that names them commits, so the
// mutation's arguments (and the audit trail) carry only the hash; bytes whose
// message never committed are harmless and found again by their hash.
// Not here: who may read them (the central router and the web intake check).
import { createHash } from 'node:crypto';
import type { CentralStore } from '../store/openCentralStore';
import { AttachmentContent } from '../store/entities';
import { withStore } from '../store/serialize';

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores the bytes (once per content) and returns their SHA-256. */
export async function storeContent(store: CentralStore, bytes: Buffer): Promise<string> {
  const sha256 = sha256Of(bytes);
  await withStore(store, () =>
    store.dataSource
      .createQueryBuilder()
      .insert()
      .into(AttachmentContent)
      .values({
        sha256,
        size: bytes.length,
        base64: bytes.toString('base64'),
        createdAt: new Date().toISOString(),
      })
      .orIgnore()
      .execute(),
  );
  return sha256;
}

export async function readContent(store: CentralStore, sha256: string): Promise<Buffer | null> {
  const row = await withStore(store, () => store.dataSource.manager.findOneBy(AttachmentContent, { sha256 }));
  return row ? Buffer.from(row.base64, 'base64') : null;
}
