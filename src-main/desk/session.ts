// Who is signed in on this desk, and the central store's session tokens. A
// token is kept per user, not just for the current one: mutations made
// offline are pushed later under the identity of whoever made them, even if
// that user has since signed out (their token is revoked once their last
// change is in). Tokens are sealed by a SecretBox: Electron's safeStorage in
// the desktop app; without a box (browser mode) they stay in memory only.
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../src-shared/roles';
import type { SessionUser } from '../../src-shared/session';
import { readSetting, writeSetting } from '../store/localSettings';

export type { SessionUser };

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

interface Credential {
  user: SessionUser;
  sealedToken: string | null;
  expiresAt: string;
  signedOut: boolean;
}

interface Stored {
  currentUserId: string | null;
  credentials: Record<string, Credential>;
}

const KEY = 'sessions';

export function actorOf(user: SessionUser): Actor {
  return { userId: user.id, name: user.displayName, role: user.role };
}

export class SessionStore {
  private readonly memory = new Map<string, string>();

  constructor(
    private readonly manager: EntityManager,
    private readonly box: SecretBox | null,
  ) {}

  private async load(): Promise<Stored> {
    return (await readSetting<Stored>(this.manager, KEY)) ?? { currentUserId: null, credentials: {} };
  }

  /**
   * The signed-in user, even when their session has expired or its token is gone (an offline desk
   * keeps working); `sessionValid` says whether the central store would still accept it.
   */
  async current(
    now = new Date(),
  ): Promise<{ user: SessionUser; expiresAt: string; sessionValid: boolean } | null> {
    const s = await this.load();
    const c = s.currentUserId ? s.credentials[s.currentUserId] : undefined;
    if (!c) return null;
    return {
      user: c.user,
      expiresAt: c.expiresAt,
      sessionValid: (await this.token(c.user.id, now)) !== null,
    };
  }

  /** The token to act as this user on the central store, or null (none, expired, or unreadable). */
  async token(userId: string, now = new Date()): Promise<string | null> {
    const c = (await this.load()).credentials[userId];
    if (!c || c.expiresAt <= now.toISOString()) return null;
    const inMemory = this.memory.get(userId);
    if (inMemory) return inMemory;
    if (!c.sealedToken || !this.box) return null;
    try {
      return this.box.open(c.sealedToken);
    } catch {
      return null; // sealed under another OS account or machine
    }
  }

  async signIn(session: { token: string; user: SessionUser; expiresAt: string }): Promise<void> {
    const s = await this.load();
    this.memory.set(session.user.id, session.token);
    s.credentials[session.user.id] = {
      user: session.user,
      sealedToken: this.box ? this.box.seal(session.token) : null,
      expiresAt: session.expiresAt,
      signedOut: false,
    };
    s.currentUserId = session.user.id;
    await writeSetting(this.manager, KEY, s);
  }

  /** Nobody is signed in afterwards; the user's token stays until their pending changes are pushed. */
  async signOut(): Promise<void> {
    const s = await this.load();
    const c = s.currentUserId ? s.credentials[s.currentUserId] : undefined;
    if (c) c.signedOut = true;
    s.currentUserId = null;
    await writeSetting(this.manager, KEY, s);
  }

  /** Users who signed out, whose tokens may be revoked and forgotten once nothing of theirs is pending. */
  async signedOutUsers(): Promise<string[]> {
    const s = await this.load();
    return Object.values(s.credentials)
      .filter((c) => c.signedOut)
      .map((c) => c.user.id);
  }

  async forget(userId: string): Promise<void> {
    const s = await this.load();
    delete s.credentials[userId];
    this.memory.delete(userId);
    await writeSetting(this.manager, KEY, s);
  }

  /** The central store said the token is no longer valid: keep the user, drop the token. */
  async invalidate(userId: string): Promise<void> {
    const s = await this.load();
    const c = s.credentials[userId];
    if (c) c.sealedToken = null;
    this.memory.delete(userId);
    await writeSetting(this.manager, KEY, s);
  }
}
