// The central store's accounts and sessions (DESIGN.md "Security"): the
// first administrator once, logins that leak nothing, tokens that stop
// working when forged, expired, revoked or their user is deactivated, the
// login rate limit, and passwords kept only as scrypt hashes.
import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../../src-main/central/auth/passwords';
import type { CentralRouter } from '../../../../src-main/central/router';
import { tokenHash } from '../../../../src-main/central/auth/sessions';
import { LoginAttempt, Session } from '../../../../src-main/central/store/entities';
import { createCentralClient } from '../../../../src-main/sync/centralClient';
import { centralUser, ENGINES, startTestCentral, type TestCentral } from '../../../support/central';
import { TEST_PASSWORD } from '../../../support/tempDesk';

let centrals: TestCentral[] = [];
afterEach(async () => {
  for (const c of centrals) await c.dispose();
  centrals = [];
});

async function central(engine: (typeof ENGINES)[number]): Promise<TestCentral> {
  const c = await startTestCentral(engine);
  centrals.push(c);
  return c;
}

interface Failure {
  code: string;
  httpStatus: number;
  message: string;
  fieldErrors: unknown;
  domain: unknown;
}

/** The tRPC error a call ends with (code, HTTP status, message, details), or 'ok'. */
async function failure(call: Promise<unknown>): Promise<'ok' | Failure> {
  try {
    await call;
    return 'ok';
  } catch (e) {
    if (!(e instanceof TRPCClientError)) throw e;
    const data = (e as TRPCClientError<CentralRouter>).data!;
    return {
      code: data.code,
      httpStatus: data.httpStatus,
      message: e.message,
      fieldErrors: data.fieldErrors,
      domain: data.domain,
    };
  }
}

const anonymous = (c: TestCentral) => createCentralClient(c.url, () => null);
const withToken = (c: TestCentral, token: string) => createCentralClient(c.url, () => token);

describe.each(ENGINES)('central store accounts and sessions on %s', (engine) => {
  it('creates the first administrator once; afterwards the first-run setup is refused', async () => {
    const c = await central(engine);
    const anon = anonymous(c);
    expect(await anon.auth.status.query()).toEqual({ setupNeeded: true });
    const first = await anon.auth.setupFirstAdmin.mutate({
      username: 'Ada',
      displayName: 'Ada Admin',
      password: TEST_PASSWORD,
    });
    expect(first.user).toMatchObject({
      username: 'ada',
      displayName: 'Ada Admin',
      role: 'admin',
      active: true,
    });
    expect(await withToken(c, first.token).auth.me.query()).toMatchObject({
      user: { username: 'ada', role: 'admin' },
    });
    expect(await anon.auth.status.query()).toEqual({ setupNeeded: false });

    expect(
      await failure(
        anon.auth.setupFirstAdmin.mutate({
          username: 'mallory',
          displayName: 'Mallory',
          password: TEST_PASSWORD,
        }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      httpStatus: 403,
    });
    // Not even a signed-in administrator can run it again.
    expect(
      await failure(
        withToken(c, first.token).auth.setupFirstAdmin.mutate({
          username: 'eve',
          displayName: 'Eve',
          password: TEST_PASSWORD,
        }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await withToken(c, first.token).admin.users.query()).map((u) => u.username)).toEqual(['ada']);
  });

  it('lets exactly one of two simultaneous first-run setups through', async () => {
    const c = await central(engine);
    const anon = anonymous(c);
    const results = await Promise.all(
      ['first', 'second', 'third'].map((name) =>
        failure(
          anon.auth.setupFirstAdmin.mutate({
            username: name,
            displayName: `The ${name}`,
            password: TEST_PASSWORD,
          }),
        ),
      ),
    );
    expect(results.map((r) => (r === 'ok' ? 'ok' : r.code)).sort()).toEqual(['FORBIDDEN', 'FORBIDDEN', 'ok']);
    const rows: unknown[] = await c.server.store.dataSource.manager.query(`SELECT id FROM user_account`);
    expect(rows).toHaveLength(1);
  });

  it('answers a wrong password and an unknown user the same way: 401, one message, no details', async () => {
    const c = await central(engine);
    await centralUser(c, { username: 'kari', role: 'agent' });
    const anon = anonymous(c);
    const wrong = await failure(anon.auth.login.mutate({ username: 'kari', password: 'not-the-password' }));
    const unknown = await failure(anon.auth.login.mutate({ username: 'nobody', password: TEST_PASSWORD }));
    expect(wrong).toEqual({
      code: 'UNAUTHORIZED',
      httpStatus: 401,
      message: 'Wrong user name or password',
      fieldErrors: null,
      domain: null,
    });
    expect(unknown).toEqual(wrong);
    // The user name is matched without case and surrounding blanks, so that is no oracle either.
    expect(await anon.auth.login.mutate({ username: '  KARI ', password: TEST_PASSWORD })).toMatchObject({
      user: { username: 'kari' },
    });
  });

  it('refuses forged, expired and revoked tokens with 401 on every procedure that needs a session', async () => {
    const c = await central(engine);
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    const m = c.server.store.dataSource.manager;
    const notSignedIn = { code: 'UNAUTHORIZED', httpStatus: 401, message: 'Not signed in' };
    const probes = (token: string) => {
      const client = withToken(c, token);
      return [
        () => client.auth.me.query(),
        () => client.sync.pull.query({ cursor: 0 }),
        () => client.sync.snapshotInfo.query(),
      ];
    };

    expect(await withToken(c, kari.token).auth.me.query()).toMatchObject({ user: { username: 'kari' } });
    for (const forged of [
      'forged-token',
      `${kari.token}x`,
      kari.token.slice(0, -1),
      tokenHash(kari.token),
      'x'.repeat(500),
    ]) {
      for (const p of probes(forged)) expect(await failure(p())).toMatchObject(notSignedIn);
    }
    // The token itself is never stored, only its SHA-256.
    const sessions: Array<{ token_hash: string }> = await m.query(`SELECT token_hash FROM session`);
    expect(sessions.map((s) => s.token_hash)).toEqual([tokenHash(kari.token)]);

    // Expired: the session's end moved into the past.
    await m.update(
      Session,
      { tokenHash: tokenHash(kari.token) },
      { expiresAt: new Date(Date.now() - 1000).toISOString() },
    );
    for (const p of probes(kari.token)) expect(await failure(p())).toMatchObject(notSignedIn);

    // Revoked: a fresh session works until logout, then never again.
    const again = await anonymous(c).auth.login.mutate({ username: 'kari', password: TEST_PASSWORD });
    const client = withToken(c, again.token);
    expect(await client.auth.me.query()).toMatchObject({ user: { username: 'kari' } });
    expect(await client.auth.logout.mutate()).toEqual({ ok: true });
    for (const p of probes(again.token)) expect(await failure(p())).toMatchObject(notSignedIn);
    expect(await failure(client.auth.logout.mutate())).toMatchObject(notSignedIn);
  });

  it('limits failed logins: after 5 failures even the right password is refused until the window has passed', async () => {
    const c = await central(engine);
    await centralUser(c, { username: 'kari', role: 'agent' });
    const anon = anonymous(c);
    for (let i = 0; i < 5; i++) {
      expect(
        await failure(anon.auth.login.mutate({ username: 'kari', password: `guess-number-${i}` })),
      ).toMatchObject({ code: 'UNAUTHORIZED' });
    }
    const limited = {
      code: 'TOO_MANY_REQUESTS',
      httpStatus: 429,
      message: 'Too many failed logins; try again later',
    };
    expect(
      await failure(anon.auth.login.mutate({ username: 'kari', password: 'guess-number-5' })),
    ).toMatchObject(limited);
    expect(
      await failure(anon.auth.login.mutate({ username: 'kari', password: TEST_PASSWORD })),
    ).toMatchObject(limited);
    expect(
      await failure(anon.auth.login.mutate({ username: 'KARI', password: TEST_PASSWORD })),
    ).toMatchObject(limited);

    // The window (15 minutes) has passed: the right password works again and clears the user's count.
    const m = c.server.store.dataSource.manager;
    const past = new Date(Date.now() - 16 * 60_000).toISOString();
    for (const row of await m.find(LoginAttempt))
      await m.update(LoginAttempt, { key: row.key }, { windowStart: past });
    expect(await anon.auth.login.mutate({ username: 'kari', password: TEST_PASSWORD })).toMatchObject({
      user: { username: 'kari' },
    });
    expect(await m.findOneBy(LoginAttempt, { key: 'user:kari' })).toBeNull();
  });

  it('counts guesses sent in parallel: no more than 5 password checks per window', async () => {
    const c = await central(engine);
    await centralUser(c, { username: 'kari', role: 'agent' });
    const anon = anonymous(c);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        failure(anon.auth.login.mutate({ username: 'kari', password: `parallel-guess-${i}` })),
      ),
    );
    const codes = results.map((r) => (r === 'ok' ? 'ok' : r.code));
    expect(codes.filter((code) => code === 'UNAUTHORIZED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(15);
    expect(
      await failure(anon.auth.login.mutate({ username: 'kari', password: TEST_PASSWORD })),
    ).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('limits an address only after 50 failures, so colleagues behind one address are not locked out by 5 typos', async () => {
    const c = await central(engine);
    await centralUser(c, { username: 'kari', role: 'agent' });
    const anon = anonymous(c);
    for (let i = 0; i < 6; i++) {
      expect(
        await failure(anon.auth.login.mutate({ username: `colleague${i}`, password: 'typo-typo-typo' })),
      ).toMatchObject({
        code: 'UNAUTHORIZED',
      });
    }
    expect(await anon.auth.login.mutate({ username: 'kari', password: TEST_PASSWORD })).toMatchObject({
      user: { username: 'kari' },
    });

    // 49 failures from this address so far (set directly: 43 more password checks would only cost time).
    const m = c.server.store.dataSource.manager;
    await m.update(LoginAttempt, { key: 'ip:127.0.0.1' }, { failures: 49 });
    expect(
      await failure(anon.auth.login.mutate({ username: 'sprayed', password: 'Sommer2026!' })),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(
      await failure(anon.auth.login.mutate({ username: 'kari', password: TEST_PASSWORD })),
    ).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(await m.findOneBy(LoginAttempt, { key: 'ip:127.0.0.1' })).toMatchObject({ failures: 50 });
  });

  it('does not count successful logins against the address', async () => {
    const c = await central(engine);
    await centralUser(c, { username: 'kari', role: 'agent' });
    const anon = anonymous(c);
    for (let i = 0; i < 8; i++) await anon.auth.login.mutate({ username: 'kari', password: TEST_PASSWORD });
    expect(
      await failure(anon.auth.login.mutate({ username: 'kari', password: 'wrong-password' })),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await anon.auth.login.mutate({ username: 'kari', password: TEST_PASSWORD })).toMatchObject({
      user: { username: 'kari' },
    });
  });

  it('refuses a deactivated user: the open session stops working and login says only "wrong"', async () => {
    const c = await central(engine);
    const admin = await centralUser(c, { username: 'ada', role: 'admin' });
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    expect(await admin.client.admin.setUserActive.mutate({ username: 'kari', active: false })).toMatchObject({
      active: false,
    });
    expect(await failure(kari.client.auth.me.query())).toMatchObject({
      code: 'UNAUTHORIZED',
      httpStatus: 401,
    });
    expect(await failure(kari.client.sync.pull.query({ cursor: 0 }))).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(
      await failure(anonymous(c).auth.login.mutate({ username: 'kari', password: TEST_PASSWORD })),
    ).toEqual({
      code: 'UNAUTHORIZED',
      httpStatus: 401,
      message: 'Wrong user name or password',
      fieldErrors: null,
      domain: null,
    });

    await admin.client.admin.setUserActive.mutate({ username: 'kari', active: true });
    expect(await kari.client.auth.me.query()).toMatchObject({ user: { username: 'kari', active: true } });
  });

  it('refuses to deactivate your own account or the last active administrator (the server enforces it)', async () => {
    const c = await central(engine);
    const ada = await centralUser(c, { username: 'ada', role: 'admin' });
    expect(
      await failure(ada.client.admin.setUserActive.mutate({ username: 'ada', active: false })),
    ).toMatchObject({
      code: 'CONFLICT',
      domain: { code: 'ownAccount' },
    });
    const bo = await centralUser(c, { username: 'bo', role: 'admin' });
    // Bo deactivates Ada: allowed, an administrator remains (Bo) …
    await bo.client.admin.setUserActive.mutate({ username: 'ada', active: false });
    // … and with Ada inactive Bo is the last one, who cannot switch themself off.
    expect(
      await failure(bo.client.admin.setUserActive.mutate({ username: 'bo', active: false })),
    ).toMatchObject({
      domain: { code: 'ownAccount' },
    });
    const rows = await c.server.store.dataSource.manager.query(
      `SELECT username FROM user_account WHERE role = 'admin' AND active = 1`,
    );
    expect(rows.map((r: { username: string }) => r.username)).toEqual(['bo']);
  });

  it('stores passwords only as salted scrypt hashes', async () => {
    const c = await central(engine);
    await centralUser(c, { username: 'kari', role: 'agent' });
    await centralUser(c, { username: 'ola', role: 'technician' });
    const rows: Array<{ username: string; password_hash: string }> =
      await c.server.store.dataSource.manager.query(
        `SELECT username, password_hash FROM user_account ORDER BY username`,
      );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
      expect(r.password_hash).not.toContain(TEST_PASSWORD);
      expect(await verifyPassword(TEST_PASSWORD, r.password_hash)).toBe(true);
      expect(await verifyPassword(`${TEST_PASSWORD}!`, r.password_hash)).toBe(false);
    }
    // Same password, different salt: different hashes.
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash);
    const dump = JSON.stringify(await c.server.store.dataSource.manager.query(`SELECT * FROM user_account`));
    expect(dump).not.toContain(TEST_PASSWORD);
  });
});
