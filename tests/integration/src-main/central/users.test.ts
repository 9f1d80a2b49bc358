// An administrator's changes to an account on the central store (issue 18):
// its role and extension, a new password (the old one and the account's open
// sessions stop working), and reactivating it; not one's own role, nor the
// last administrator's; every input checked by the store's own schemas.
import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { CentralRouter } from '../../../../src-main/central/router';
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

/** The code, domain code and field errors a call is refused with, or 'ok'. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
    return 'ok';
  } catch (e) {
    if (!(e instanceof TRPCClientError)) throw e;
    const data = (e as TRPCClientError<CentralRouter>).data!;
    return {
      code: data.code,
      domain: data.domain?.code ?? null,
      fields: Object.keys(data.fieldErrors ?? {}),
    };
  }
}

const anonymous = (c: TestCentral) => createCentralClient(c.url, () => null);

describe.each(ENGINES)('an administrator changing accounts on %s', (engine) => {
  it('changes a role and an extension, and clears the extension', async () => {
    const c = await central(engine);
    const ada = await centralUser(c, { username: 'ada', role: 'admin' });
    await centralUser(c, { username: 'kari', role: 'agent' });
    expect(
      await ada.client.admin.updateUser.mutate({ username: 'kari', role: 'team_lead', phone: '21 99' }),
    ).toMatchObject({ username: 'kari', role: 'team_lead', phone: '2199' });
    expect((await ada.client.admin.users.query()).find((u) => u.username === 'kari')).toMatchObject({
      role: 'team_lead',
      phone: '2199',
    });
    await ada.client.admin.updateUser.mutate({ username: 'kari', role: 'team_lead', phone: '' });
    expect((await ada.client.admin.users.query()).find((u) => u.username === 'kari')?.phone).toBeNull();
    expect(
      await refusal(ada.client.admin.updateUser.mutate({ username: 'kari', role: 'agent', phone: 'abc' })),
    ).toEqual({ code: 'BAD_REQUEST', domain: null, fields: ['phone'] });
    expect(
      await refusal(ada.client.admin.updateUser.mutate({ username: 'nobody', role: 'agent' })),
    ).toMatchObject({ code: 'NOT_FOUND', domain: 'notFound' });
  });

  it('keeps an administrator from changing their own role; another administrator may', async () => {
    const c = await central(engine);
    const ada = await centralUser(c, { username: 'ada', role: 'admin' });
    expect(
      await refusal(ada.client.admin.updateUser.mutate({ username: 'ada', role: 'agent' })),
    ).toMatchObject({
      code: 'CONFLICT',
      domain: 'ownAccount',
    });
    // Changing only the extension of one's own account is fine.
    expect(
      await ada.client.admin.updateUser.mutate({ username: 'ada', role: 'admin', phone: '200' }),
    ).toMatchObject({ role: 'admin', phone: '200' });
    const bo = await centralUser(c, { username: 'bo', role: 'admin' });
    expect(await bo.client.admin.updateUser.mutate({ username: 'ada', role: 'technician' })).toMatchObject({
      role: 'technician',
    });
    // Ada, a technician now, may no longer change accounts (the role is read afresh on every call).
    expect(
      await refusal(ada.client.admin.updateUser.mutate({ username: 'bo', role: 'agent' })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('reactivates a deactivated account', async () => {
    const c = await central(engine);
    const ada = await centralUser(c, { username: 'ada', role: 'admin' });
    await centralUser(c, { username: 'kari', role: 'agent' });
    await ada.client.admin.setUserActive.mutate({ username: 'kari', active: false });
    expect(await ada.client.admin.setUserActive.mutate({ username: 'kari', active: true })).toMatchObject({
      active: true,
    });
    expect(await anonymous(c).auth.login.mutate({ username: 'kari', password: TEST_PASSWORD })).toMatchObject(
      { user: { username: 'kari', active: true } },
    );
  });

  it('sets a new password: the old one and the open sessions stop working, the new one signs in', async () => {
    const c = await central(engine);
    const ada = await centralUser(c, { username: 'ada', role: 'admin' });
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    expect(
      await refusal(ada.client.admin.resetPassword.mutate({ username: 'kari', password: 'kort' })),
    ).toEqual({ code: 'BAD_REQUEST', domain: null, fields: ['password'] });
    await kari.client.auth.me.query();
    expect(
      await ada.client.admin.resetPassword.mutate({ username: 'kari', password: 'nytt-passord-99' }),
    ).toMatchObject({ username: 'kari', active: true });
    expect(await refusal(kari.client.auth.me.query())).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(
      await refusal(anonymous(c).auth.login.mutate({ username: 'kari', password: TEST_PASSWORD })),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(
      await anonymous(c).auth.login.mutate({ username: 'kari', password: 'nytt-passord-99' }),
    ).toMatchObject({ user: { username: 'kari' } });
    // The administrator's own session is untouched.
    await ada.client.auth.me.query();
  });
});
