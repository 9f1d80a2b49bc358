// The register's CSV exports: the catalogue (in the columns its import
// reads, so an exported file can be edited and imported again), the licence
// charges for invoicing (R18) and the recycling register for a period (R19).
// Semicolons and a byte-order mark (local/csv.ts).
import { csvOf } from '../local/csv';
import type { ModelView, RecyclingDevice } from './queries';

const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'ja' : 'nei');

export function catalogueCsv(models: readonly ModelView[]): string {
  return csvOf(
    models.map((m) => ({
      Kategori: m.category,
      Produsent: m.maker,
      Modell: m.name,
      Leverandør: m.supplier,
      Rammeavtale: m.frameworkAgreement,
      'Godkjent fra': m.approvedFrom,
      'Godkjent til': m.approvedUntil,
      'Bestilles via servicedesk': yesNo(m.orderViaDesk),
      Årsak:
        m.orderReason === 'licence' ? 'lisens' : m.orderReason === 'compatibility' ? 'kompatibilitet' : '',
    })),
    [
      'Kategori',
      'Produsent',
      'Modell',
      'Leverandør',
      'Rammeavtale',
      'Godkjent fra',
      'Godkjent til',
      'Bestilles via servicedesk',
      'Årsak',
    ],
  );
}

export function chargesCsv(
  charges: ReadonlyArray<{
    month: string;
    customerName: string | null;
    at: string;
    serial: string;
    assetTag: string | null;
    maker: string;
    modelName: string;
    category: string;
    workplace: string;
    technicianName: string;
    amount: number;
  }>,
): string {
  return csvOf(
    charges.map((c) => ({
      Måned: c.month,
      Kommune: c.customerName,
      Dato: c.at.slice(0, 10),
      Serienummer: c.serial,
      Inventarnummer: c.assetTag,
      Produsent: c.maker,
      Modell: c.modelName,
      Kategori: c.category,
      Arbeidssted: c.workplace,
      Tekniker: c.technicianName,
      'Beløp (kr)': c.amount,
    })),
    [
      'Måned',
      'Kommune',
      'Dato',
      'Serienummer',
      'Inventarnummer',
      'Produsent',
      'Modell',
      'Kategori',
      'Arbeidssted',
      'Tekniker',
      'Beløp (kr)',
    ],
  );
}

export function recyclingCsv(devices: readonly RecyclingDevice[]): string {
  return csvOf(
    devices.map((d) => ({
      Kommune: d.customerName,
      Serienummer: d.serial,
      Inventarnummer: d.assetTag,
      Produsent: d.maker,
      Modell: d.modelName,
      Kategori: d.category,
      Status: d.status,
      Innlevert: d.handedInAt,
      'Innlevert til': d.handedInByName,
      Tilstand: d.condition,
      'Disk tatt ut': yesNo(d.diskRemoved),
      Parti: d.batchReference,
      Sletting: d.wipeMethod,
      'Slettet av': d.wipedBy,
      'Slettet dato': d.wipedOn,
    })),
    [
      'Kommune',
      'Serienummer',
      'Inventarnummer',
      'Produsent',
      'Modell',
      'Kategori',
      'Status',
      'Innlevert',
      'Innlevert til',
      'Tilstand',
      'Disk tatt ut',
      'Parti',
      'Sletting',
      'Slettet av',
      'Slettet dato',
    ],
  );
}
