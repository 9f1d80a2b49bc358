// The CTI endpoint takes what an unchanged Zammad generic-CTI bridge sends
// (issue 12), over real HTTP on SQLite and PostgreSQL: multipart bodies with
// user[] repeated, Zammad's `call_id`, JSON numbers, the caller's name, and it
// refuses identifiers that are not valid UTF-8 instead of merging them.
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, startTestCentral, type TestCentral } from '../../../../support/central';
import { callsOf, CTI_TOKEN, inboundCall, postCti, sqlRows } from '../../../../support/cti';
import { callBlockNumber, callSetCallerIdRules } from '../../../../../src-main/calls/phoneRules';

let centrals: TestCentral[] = [];
afterEach(async () => {
  for (const c of centrals) await c.dispose();
  centrals = [];
});

async function central(engine: (typeof ENGINES)[number]) {
  const c = await startTestCentral(engine, undefined, { ctiToken: CTI_TOKEN });
  centrals.push(c);
  return c;
}

const ctiEvents = (c: TestCentral, ctiCallId: string) =>
  sqlRows(c, `SELECT * FROM cti_event WHERE cti_call_id = ? ORDER BY received_at, id`, [ctiCallId]);

describe.each(ENGINES)('CTI request formats on %s', (engine) => {
  it('takes multipart/form-data as curl --form sends it, user[] repeated, and drops file parts unread', async () => {
    const c = await central(engine);
    const res = await postCti(
      c,
      inboundCall('mp-1', { user: ['Christopher Miller', 'Emma Taylor'] }),
      'multipart',
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    const [event] = await ctiEvents(c, 'mp-1');
    expect(JSON.parse(event!.users as string)).toEqual(['Christopher Miller', 'Emma Taylor']);
    expect((await callsOf(c, 'mp-1'))[0]).toMatchObject({ status: 'waiting', caller_number: '+4791234567' });

    const boundary = 'xYz';
    const withFile =
      `--${boundary}\r\nContent-Disposition: form-data; name="event"\r\n\r\nnewCall\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="direction"\r\n\r\nin\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="callId"\r\n\r\nmp-2\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="from"\r\n\r\n4791234568\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="recording"; filename="r.wav"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n\u0000\u0001binary\r\n--${boundary}--\r\n`;
    const file = await postCti(c, { raw: withFile, type: `multipart/form-data; boundary=${boundary}` });
    expect(file.status).toBe(200);
    expect(await callsOf(c, 'mp-2')).toHaveLength(1);

    const big = `--${boundary}\r\nContent-Disposition: form-data; name="event"\r\n\r\n${'x'.repeat(17 * 1024)}\r\n--${boundary}--\r\n`;
    expect((await postCti(c, { raw: big, type: `multipart/form-data; boundary=${boundary}` })).status).toBe(
      413,
    );
    const broken = await postCti(c, { raw: 'no parts here', type: 'multipart/form-data; boundary=q' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: string }).error).toMatch(/multipart/);
  });

  it("takes Zammad's call_id as callId, in JSON, form-encoded and multipart", async () => {
    const c = await central(engine);
    for (const [i, as] of (['json', 'form', 'multipart'] as const).entries()) {
      const { callId: _c, ...rest } = inboundCall('x');
      const res = await postCti(c, { ...rest, call_id: `snake-${i}`, from: `479123456${i}` }, as);
      expect(res.status, as).toBe(200);
      expect(await callsOf(c, `snake-${i}`), as).toHaveLength(1);
    }
  });

  it('takes JSON numbers for from, to and callId as the digits they are, and keeps the caller field', async () => {
    const c = await central(engine);
    const res = await postCti(c, {
      event: 'newCall',
      direction: 'in',
      from: 4791234567,
      to: 4771111166,
      callId: 123456789,
      caller: 'Oddny Olsen',
    });
    expect(res.status).toBe(200);
    const [call] = await callsOf(c, '123456789');
    // Nobody in the directory has the number: the phone system's name is shown.
    expect(call).toMatchObject({ caller_number: '+4791234567', caller_name: 'Oddny Olsen' });
    const [event] = await ctiEvents(c, '123456789');
    expect(event).toMatchObject({
      from_number: '4791234567',
      to_number: '4771111166',
      caller: 'Oddny Olsen',
    });

    const fraction = await postCti(c, { ...inboundCall('y'), callId: 12.5 });
    expect(fraction.status).toBe(400);
    expect(((await fraction.json()) as { error: string }).error).toContain('callId');
    // A number past 2^53 (written out in the body, as a PBX would send it).
    const huge = await postCti(c, {
      raw: '{"event":"newCall","direction":"in","callId":"y","from":12345678901234567890}',
      type: 'application/json',
    });
    expect(((await huge.json()) as { error: string }).error).toContain('send it as a string');
  });

  it('refuses identifiers that are not valid UTF-8 instead of merging two callIds into one', async () => {
    const c = await central(engine);
    const invalid = (bytes: number[]) =>
      new Uint8Array([
        ...Buffer.from('{"event":"newCall","direction":"in","from":"4791234567","callId":"x'),
        ...bytes,
        ...Buffer.from('"}'),
      ]);
    const a = await postCti(c, { raw: invalid([0xff]), type: 'application/json' });
    const b = await postCti(c, { raw: invalid([0xfe]), type: 'application/json' });
    expect([a.status, b.status]).toEqual([400, 400]);
    expect(((await a.json()) as { error: string }).error).toBe('The body is not valid UTF-8');
    const form = await postCti(c, {
      raw: 'event=newCall&direction=in&from=4791234567&callId=x%FF',
      type: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(400);
    expect(((await form.json()) as { error: string }).error).toContain('not valid UTF-8');
    const multipart = await postCti(c, {
      raw: new Uint8Array([
        ...Buffer.from(
          '--b\r\nContent-Disposition: form-data; name="event"\r\n\r\nnewCall\r\n--b\r\nContent-Disposition: form-data; name="direction"\r\n\r\nin\r\n--b\r\nContent-Disposition: form-data; name="callId"\r\n\r\nx',
        ),
        0xff,
        ...Buffer.from('\r\n--b--\r\n'),
      ]),
      type: 'multipart/form-data; boundary=b',
    });
    expect(multipart.status).toBe(400);
    expect(((await multipart.json()) as { error: string }).error).toContain('callId is not valid UTF-8');
    expect(await sqlRows(c, `SELECT * FROM call`)).toHaveLength(0);

    // Valid non-ASCII identifiers are taken, and kept apart.
    expect((await postCti(c, inboundCall('samtale-æ', { from: '4791234561' }))).status).toBe(200);
    expect((await postCti(c, inboundCall('samtale-ø', { from: '4791234562' }))).status).toBe(200);
    expect(await sqlRows(c, `SELECT * FROM call`)).toHaveLength(2);
  });

  it('refuses a caller number or name with NUL, an unpaired surrogate, a control character or bytes that are not UTF-8: 400, never queued', async () => {
    const c = await central(engine);
    const refused = async (res: Response) => {
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: string }).error;
    };
    // NUL and control characters in every encoding a PBX may use.
    for (const as of ['json', 'form', 'multipart'] as const) {
      expect(
        await refused(await postCti(c, inboundCall(`nul-from-${as}`, { from: '4791234567\u0000' }), as)),
      ).toBe('from: from contains a NUL character');
      expect(
        await refused(await postCti(c, inboundCall(`nul-caller-${as}`, { caller: 'Ola\u0000Nordmann' }), as)),
      ).toBe('caller: contains a NUL character');
      expect(await refused(await postCti(c, inboundCall(`bell-${as}`, { caller: 'Ola\u0007' }), as))).toBe(
        'caller: contains the control character U+0007',
      );
    }
    // An unpaired surrogate, as JSON can write one.
    expect(
      await refused(
        await postCti(c, {
          raw: '{"event":"newCall","direction":"in","callId":"lone-1","from":"4791234567\\ud800"}',
          type: 'application/json',
        }),
      ),
    ).toBe('from: from contains an unpaired surrogate (invalid UTF-16)');
    expect(
      await refused(
        await postCti(c, {
          raw: '{"event":"newCall","direction":"in","callId":"lone-2","from":"4791234567","caller":"Ola \\udc00"}',
          type: 'application/json',
        }),
      ),
    ).toBe('caller: contains an unpaired surrogate (invalid UTF-16)');
    // Bytes that are not UTF-8 in the caller's name: multipart decodes them to U+FFFD, which is refused.
    const boundary = 'ror-cti-1b9e';
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const multipart = (field: string, value: number[]) => ({
      raw: new Uint8Array([
        ...Buffer.from(
          part('event', 'newCall') +
            part('direction', 'in') +
            part('callId', 'bad-utf8') +
            `--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n`,
        ),
        ...value,
        ...Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      type: `multipart/form-data; boundary=${boundary}`,
    });
    expect(await refused(await postCti(c, multipart('caller', [0x4f, 0x6c, 0xff, 0x61])))).toBe(
      'caller: contains U+FFFD, the replacement character: the text was not valid UTF-8',
    );
    expect(await refused(await postCti(c, multipart('from', [0x34, 0x37, 0xfe])))).toBe(
      'from: from is not valid UTF-8',
    );
    expect(
      await refused(
        await postCti(c, {
          raw: 'event=newCall&direction=in&callId=bad-form&from=4791234567&caller=Ola%FF',
          type: 'application/x-www-form-urlencoded',
        }),
      ),
    ).toContain('not valid UTF-8');
    // Nothing was queued or logged; an ordinary call still is.
    expect(await sqlRows(c, `SELECT * FROM call`)).toHaveLength(0);
    expect(await sqlRows(c, `SELECT * FROM cti_event`)).toHaveLength(0);
    expect((await postCti(c, inboundCall('good', { caller: 'Åse Ødegård' }))).status).toBe(200);
    expect(await callsOf(c, 'good')).toHaveLength(1);
  });

  it('answers as Zammad does: reject a blocked caller (logged, not queued), a caller ID for an outbound call, else {}', async () => {
    const c = await central(engine);
    const at = new Date().toISOString();
    const run = (m: typeof callBlockNumber | typeof callSetCallerIdRules, args: unknown) =>
      c.server.serverMutations.run(m as never, args as never);
    await run(callBlockNumber, {
      id: '0193a1b2-0000-7000-8000-000000000001',
      number: '+47 912 34 567',
      reason: 'Telefonsalg',
      expiresAt: null,
      at,
    });
    await run(callBlockNumber, {
      id: '0193a1b2-0000-7000-8000-000000000002',
      number: '91234599',
      reason: 'Utløpt',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
      at,
    });
    await run(callSetCallerIdRules, { rules: [{ prefix: '+4791', callerId: '+4771111166' }], at });

    for (const as of ['json', 'form', 'multipart'] as const) {
      const blocked = await postCti(c, inboundCall(`blk-${as}`, { from: '004791234567' }), as);
      expect(await blocked.json(), as).toEqual({ action: 'reject', reason: 'busy' });
    }
    // The phone system then hangs up the rejected call: nothing reaches the queue.
    await postCti(c, {
      event: 'hangup',
      direction: 'in',
      callId: 'blk-json',
      from: '4791234567',
      cause: 'busy',
    });
    expect(await sqlRows(c, `SELECT * FROM call WHERE cti_call_id LIKE 'blk-%'`)).toHaveLength(0);
    const logged = await ctiEvents(c, 'blk-json');
    expect(logged.map((e) => [e.event, e.outcome])).toEqual([
      ['newCall', 'rejected'],
      ['hangup', 'ignored'],
    ]);

    // An entry that has not expired blocks; another caller is queued with {}.
    expect(await (await postCti(c, inboundCall('blk-2', { from: '4791234599' }))).json()).toEqual({
      action: 'reject',
      reason: 'busy',
    });
    expect(await (await postCti(c, inboundCall('ok-1', { from: '4791234500' }))).json()).toEqual({});
    expect(await callsOf(c, 'ok-1')).toHaveLength(1);

    const out = await postCti(c, {
      event: 'newCall',
      direction: 'out',
      callId: 'out-1',
      from: '4771111100',
      to: '4791112222',
      user: ['Kari Nordmann'],
    });
    expect(await out.json()).toEqual({ action: 'dial', caller_id: '+4771111166', number: '4791112222' });
    const noRule = await postCti(c, {
      event: 'newCall',
      direction: 'out',
      callId: 'out-2',
      to: '4722334455',
    });
    expect(await noRule.json()).toEqual({});
    expect(
      await (await postCti(c, { ...inboundCall('x'), event: 'hangup', from: '4791234567' })).json(),
    ).toEqual({});
  });
});
