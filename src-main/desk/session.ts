// Who is signed in on this desk, and the central store's session tokens. A
// token is kept per user, not just for the current one: mutations made
// offline are pushed later under the identity of whoever made them, even if
// that user has since signed out (their token is revoked once their last
// change is in). Tokens are sealed by a SecretBox: Electron's safeStorage in
// the desktop app; without a box (browser mode) they stay in memory only, so
// after a restart nobody acts on the desk until someone signs in (actingUser).
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

/**
 * The offline grace (DESIGN.md: a desk keeps working while the central store is down): how long
 * past its expiry a session this desk holds still acts while the central store cannot be reached.
 * One more working day, as long as a session itself lasts: enough to finish a shift through an
 * outage, not so long that a desk left signed in acts under someone's name for days. After it,
 * nobody acts on the desk until the central store answers and someone signs in.
 */
export const OFFLINE_GRACE_MS = 12 * 3600_000;

export function actorOf(user: SessionUser): Actor {
  return { userId: user.id, name: user.displayName, role: user.role };
}

export class SessionStore {
  private readonly memory = new Map<string, string>();

  constructor(
    private readonly manager: EntityManager,
    private readonly box: SecretBox | null,
    /** Told of each sign-in, once it is stored. */
    private readonly onSignIn: (user: SessionUser) => void = () => undefined,
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
    return this.heldToken(userId, c);
  }

  /**
   * The token this desk holds for the user, expired or not: in memory since they signed in in this
   * process, or sealed by the box. Null after a restart without a box (browser mode), and once the
   * central store has refused it (invalidate).
   */
  private heldToken(userId: string, c: Credential): string | null {
    const inMemory = this.memory.get(userId);
    if (inMemory) return inMemory;
    if (!c.sealedToken || !this.box) return null;
    try {
      return this.box.open(c.sealedToken);
    } catch {
      return null; // sealed under another OS account or machine
    }
  }

  /**
   * Who may act on this desk now, or null when someone must sign in first (issue 13, item 11): the
   * signed-in user, while this desk holds their session (see heldToken) and it has not expired; an
   * expired one only while the central store cannot be reached, and for OFFLINE_GRACE_MS at most.
   */
  async actingUser(centralReachable: () => boolean, now = new Date()): Promise<SessionUser | null> {
    const s = await this.load();
    const c = s.currentUserId ? s.credentials[s.currentUserId] : undefined;
    if (!c || this.heldToken(c.user.id, c) === null) return null;
    const expiresAt = Date.parse(c.expiresAt);
    if (now.getTime() < expiresAt) return c.user;
    if (centralReachable()) return null; // it answers: sign in again
    return now.getTime() < expiresAt + OFFLINE_GRACE_MS ? c.user : null;
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
    this.onSignIn(session.user);
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
