// Test support: a phone system talking to a real central store's CTI
// endpoint over real HTTP, in the three encodings a Zammad generic-CTI
// bridge may use (JSON, form-encoded, multipart with user[] repeated), and
// reads of what the central store made of it.
import type { TestCentral } from './central';

export const CTI_TOKEN = 'cti-hemmelig-7f3a';
export type Encoding = 'json' | 'form' | 'multipart';
export const ENCODINGS: Encoding[] = ['json', 'form', 'multipart'];

export function encodeCti(body: Record<string, unknown>, as: Encoding): { type: string; payload: string } {
  if (as === 'json') return { type: 'application/json', payload: JSON.stringify(body) };
  const fields = Object.entries(body).flatMap(([k, v]): Array<[string, string]> =>
    Array.isArray(v) ? v.map((x) => [`${k}[]`, String(x)]) : v === undefined ? [] : [[k, String(v)]],
  );
  if (as === 'form') {
    return { type: 'application/x-www-form-urlencoded', payload: new URLSearchParams(fields).toString() };
  }
  const boundary = '----ror-cti-test-1b9e';
  const parts = fields.map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    payload: `${parts.join('')}--${boundary}--\r\n`,
  };
}

/** POSTs an event (or a raw body with its content type) to the central store's CTI endpoint. */
export function postCti(
  c: TestCentral,
  body: Record<string, unknown> | { raw: string | Uint8Array; type: string },
  as: Encoding = 'json',
  token = CTI_TOKEN,
): Promise<Response> {
  const { type, payload }: { type: string; payload: string | Uint8Array } =
    'raw' in body && body.raw !== undefined
      ? { type: String(body.type), payload: body.raw as string | Uint8Array }
      : encodeCti(body as Record<string, unknown>, as);
  return fetch(`${c.url}/api/v1/cti/${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: payload,
  });
}

export const sqlRows = (c: TestCentral, sql: string, params: unknown[] = []) => {
  const m = c.server.store.dataSource.manager;
  const n = { i: 0 };
  const text = c.server.store.engine === 'postgres' ? sql.replace(/\?/g, () => `$${++n.i}`) : sql;
  return m.query(text, params) as Promise<Array<Record<string, unknown>>>;
};

/** The calls the phone system's id has named, oldest first (more than one if the id was reused). */
export const callsOf = (c: TestCentral, ctiCallId: string) =>
  sqlRows(c, `SELECT * FROM call WHERE cti_call_id = ? ORDER BY arrived_at, id`, [ctiCallId]);

/** The waiting queue's phone-system ids, in queue order. */
export const queueOf = async (c: TestCentral) =>
  (await sqlRows(c, `SELECT cti_call_id FROM call WHERE status = 'waiting' ORDER BY arrived_at, id`)).map(
    (r) => r.cti_call_id as string,
  );

export const inboundCall = (callId: string, extra: Record<string, unknown> = {}) => ({
  event: 'newCall',
  from: '4791234567',
  to: '4771111166',
  direction: 'in',
  callId,
  user: ['Servicedesk'],
  queue: 'servicedesk',
  ...extra,
});
