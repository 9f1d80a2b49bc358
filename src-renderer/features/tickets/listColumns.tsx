// The ticket lists' columns (issue 18): reference, title and next deadline
// always show; the others can be hidden so the rest have room ("Kolonner").
// The choice is kept on this computer (localStorage) for all three lists.
// Every row of the virtual list is its own grid, so all rows and the header
// share one grid template computed from the shown columns.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export const TICKET_COLUMNS = [
  'reference',
  'priority',
  'status',
  'title',
  'reporter',
  'customer',
  'system',
  'assignee',
  'deadline',
] as const;
export type TicketColumn = (typeof TICKET_COLUMNS)[number];

/** Always shown: what a row is, what it is about, and when it breaks. */
const FIXED: readonly TicketColumn[] = ['reference', 'title', 'deadline'];
export const OPTIONAL_COLUMNS = TICKET_COLUMNS.filter((c) => !FIXED.includes(c));

const WIDTHS: Record<TicketColumn, string> = {
  reference: '8.8rem',
  priority: '6.2rem',
  status: '9.8rem',
  title: 'minmax(11rem, 1.8fr)',
  reporter: 'minmax(7rem, 1fr)',
  customer: 'minmax(8rem, 1.1fr)',
  system: 'minmax(7rem, 1fr)',
  assignee: 'minmax(6rem, 0.8fr)',
  deadline: '14.5rem',
};

/** The header's labels: i18n keys. */
export const COLUMN_LABELS: Record<TicketColumn, string> = {
  reference: 'tickets.fields.reference',
  priority: 'sla.priority',
  status: 'tickets.fields.status',
  title: 'tickets.fields.titleColumn',
  reporter: 'tickets.fields.reporter',
  customer: 'tickets.fields.customerWorkplace',
  system: 'tickets.fields.system',
  assignee: 'tickets.fields.assignee',
  deadline: 'tickets.fields.nextDeadline',
};

const STORAGE_KEY = 'ticketList.hiddenColumns';

function readHidden(): TicketColumn[] {
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(raw) ? OPTIONAL_COLUMNS.filter((c) => raw.includes(c)) : [];
  } catch {
    return [];
  }
}

/** The columns shown, their grid template, and a way to show or hide one. */
export function useTicketColumns() {
  const [hidden, setHidden] = useState<TicketColumn[]>(readHidden);
  const shown = TICKET_COLUMNS.filter((c) => !hidden.includes(c));
  const toggle = (column: TicketColumn) => {
    const next = hidden.includes(column) ? hidden.filter((c) => c !== column) : [...hidden, column];
    setHidden(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Not kept (storage full or off): the choice still holds until the page is left.
    }
  };
  return { shown, template: shown.map((c) => WIDTHS[c]).join(' '), toggle };
}

/** "Kolonner": a checkbox for each column that may be hidden. */
export function ColumnChooser({
  shown,
  toggle,
}: {
  shown: readonly TicketColumn[];
  toggle(column: TicketColumn): void;
}) {
  const { t } = useTranslation();
  return (
    <details className="column-chooser">
      <summary>{t('tickets.columns.choose')}</summary>
      <fieldset className="plain">
        <legend className="visually-hidden">{t('tickets.columns.legend')}</legend>
        {OPTIONAL_COLUMNS.map((c) => (
          <label key={c} className="radio">
            <input type="checkbox" checked={shown.includes(c)} onChange={() => toggle(c)} />{' '}
            {t(COLUMN_LABELS[c])}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
