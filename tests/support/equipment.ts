// Test support for the equipment register: a small approved-model catalogue
// and devices on a desk, made through the desk's local router as a team lead
// and a technician would.
import { randomUUID } from 'node:crypto';
import type { DeskClient } from './tempDesk';

export const MOLDE = '01a21bf8-0000-7000-8000-000001000000';

export const MODELS = {
  elitebook: {
    id: randomUUID(),
    category: 'laptop',
    maker: 'HP',
    name: 'EliteBook 840 G10',
    supplier: 'Atea',
    frameworkAgreement: 'IKT-utstyr 2024',
    approvedFrom: '2024-01-01',
    approvedUntil: null,
    orderViaDesk: true,
    orderReason: 'licence',
  },
  /** Approved until the end of 2022: on the main network it is no longer approved. */
  oldDesktop: {
    id: randomUUID(),
    category: 'pc',
    maker: 'Dell',
    name: 'OptiPlex 7050',
    supplier: 'Atea',
    frameworkAgreement: 'IKT-utstyr 2017',
    approvedFrom: '2017-01-01',
    approvedUntil: '2022-12-31',
    orderViaDesk: false,
    orderReason: null,
  },
} as const;

/** Saves the catalogue's models (the client must be a team lead's or an admin's). */
export async function saveModels(client: DeskClient): Promise<void> {
  for (const model of Object.values(MODELS)) await client.equipment.saveModel.mutate({ model: { ...model } });
}

export function deviceInput(over: Record<string, unknown> = {}) {
  return {
    serial: `SN-${randomUUID().slice(0, 8)}`,
    assetTag: null,
    modelId: MODELS.elitebook.id,
    network: 'main' as const,
    setupDate: null,
    deliveredDate: null,
    notes: null,
    customerId: MOLDE,
    workplace: 'Molde rådhus',
    assignedUser: null,
    assignedReporterId: null,
    status: 'in_stock' as const,
    ...over,
  };
}

/** Base64 of a CSV text in the given encoding (latin1 stands for Windows-1252 for æøå). */
export const csvBase64 = (text: string, encoding: 'utf8' | 'latin1' = 'utf8') =>
  Buffer.from(text, encoding).toString('base64');

/** A ticket from Per Pleier at Molde about a device (linked to it), as an agent or technician makes it. */
export async function ticketAbout(client: DeskClient, deviceId: string): Promise<{ id: string }> {
  const customers = await client.calls.customers.query();
  return client.tickets.create.mutate({
    reporterName: 'Per Pleier',
    reporterPhone: '912 34 567',
    reporterEmail: 'per.pleier@molde.kommune.no',
    customerId: MOLDE,
    workplace: customers.find((c) => c.id === MOLDE)!.workplaces[0]!,
    description: 'Bærbar PC må byttes',
    priority: 'medium',
    system: 'Klient',
    category: 'hardware',
    channel: 'phone',
    notifyBy: 'email',
    deviceId,
  } as never);
}
