// Reference data every store starts with: ROR-IKT's member municipalities
// (tjenestemottakere) and some of their workplaces. Fixed ids, so every desk
// and the central store seed exactly the same rows.

/** ROR-IKT's member municipalities (tjenestemottakere) with a few workplaces each. Fixed ids: every desk shares them. */
const CUSTOMERS: Array<[id: string, name: string, workplaces: string[]]> = [
  [
    '01a21bf8-0000-7000-8000-000001000000',
    'Molde kommune',
    [
      'Molde rådhus',
      'Molde legevakt',
      'Kirkebakken omsorgssenter',
      'Bergmo ungdomsskole',
      'Hjelset skole',
      'NAV Molde',
    ],
  ],
  [
    '01a21bf8-0000-7000-8000-000002000000',
    'Aukra kommune',
    ['Aukra rådhus', 'Aukra sjukeheim', 'Gossen barne- og ungdomsskule'],
  ],
  [
    '01a21bf8-0000-7000-8000-000003000000',
    'Gjemnes kommune',
    ['Gjemnes rådhus', 'Gjemnes sjukeheim', 'Batnfjord skole'],
  ],
  [
    '01a21bf8-0000-7000-8000-000004000000',
    'Hustadvika kommune',
    ['Hustadvika rådhus (Elnesvågen)', 'Eide omsorgssenter', 'Fræna ungdomsskole', 'Hustadvika legekontor'],
  ],
  [
    '01a21bf8-0000-7000-8000-000005000000',
    'Rauma kommune',
    ['Rauma rådhus', 'Åndalsnes helsesenter', 'Isfjorden skule'],
  ],
  [
    '01a21bf8-0000-7000-8000-000006000000',
    'Vestnes kommune',
    ['Vestnes rådhus', 'Vestnes helsetun', 'Tomrefjord skule'],
  ],
];

/** The customer and workplace rows to seed (workplace ids: the customer's id plus the workplace's index). */
export function referenceRows(): {
  customers: Array<{ id: string; name: string }>;
  workplaces: Array<{ id: string; customerId: string; name: string }>;
} {
  const customers = CUSTOMERS.map(([id, name]) => ({ id, name }));
  const workplaces = CUSTOMERS.flatMap(([id, , names]) =>
    names.map((name, i) => ({
      id: `${id.slice(0, 24)}${String(Number(id.slice(24)) + i + 1).padStart(12, '0')}`,
      customerId: id,
      name,
    })),
  );
  return { customers, workplaces };
}
