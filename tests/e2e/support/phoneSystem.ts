// Plays the phone system (PBX) in the end-to-end tests: posts Zammad
// "generic CTI" events (newCall, answer, hangup) to a central store's
// /api/v1/cti/:token, as JSON or form-encoded (with `user[]` repeated), the
// two ways real phone systems send them.
import { expect } from '@playwright/test';

/** A token the central store accepts (≥ 16 characters of A–Z, a–z, 0–9, ".", "_", "~", "-"). */
export const CTI_TOKEN = 'e2e-telefonsentral-2026';

/** The service desk's number (SLA R2), as a phone system sends it. */
export const DESK_NUMBER = '4771111166';

export type CtiFields = Record<string, string | string[]>;

export interface PhoneSystem {
  /** Posts the event as JSON (`user` as an array). */
  json(event: CtiFields): Promise<void>;
  /** Posts the event form-encoded (an array becomes repeated `user[]`). */
  form(event: CtiFields): Promise<void>;
}

export function phoneSystem(centralUrl: string, token = CTI_TOKEN): PhoneSystem {
  const url = `${centralUrl}/api/v1/cti/${token}`;
  const post = async (contentType: string, body: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
    expect(res.status, `CTI ${body}: ${await res.text()}`).toBe(200);
  };
  return {
    json: (event) => post('application/json', JSON.stringify(event)),
    form: (event) => {
      const body = new URLSearchParams();
      for (const [key, value] of Object.entries(event)) {
        if (Array.isArray(value)) for (const v of value) body.append(`${key}[]`, v);
        else body.append(key, value);
      }
      return post('application/x-www-form-urlencoded', body.toString());
    },
  };
}
