// The shift roster (issue 15): who works the phone, tickets or on site each
// weekday, shown to everyone and set by team leads a week at a time. A team
// lead changes cells (each a labelled select, usable from the keyboard) and
// saves the week in one go, or copies the week before onto it. The week
// refetches by itself when a colleague's change arrives (liveQueries.ts);
// unsaved changes are kept on top of it. This week's roster also shows what
// each person is doing now (presence) and for how long.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROSTER_ROLES } from '../../../src-shared/roles';
import {
  addWeeks,
  DUTIES,
  mondayAt,
  type Duty,
  type RosterWeekView,
} from '../../../src-shared/shifts/roster';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { formatDateTime, formatMinutes } from '../../app/format';
import { useNow } from '../../app/useNow';
import { useTRPC } from '../../app/trpc';

type Cell = Duty | '';
const cellKey = (userId: string, day: string) => `${userId}|${day}`;

export function RosterPage({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [monday, setMonday] = useState(() => mondayAt(new Date()));
  const week = useQuery(trpc.shifts.week.queryOptions({ monday }));
  const canEdit = ROSTER_ROLES.includes(user.role);
  return (
    <div className="roster-page">
      <div className="row wrap roster-head">
        <h1 id="roster-title">
          {week.data
            ? t('shifts.title', { week: week.data.week, year: week.data.year })
            : t('shifts.titlePlain')}
        </h1>
        <nav className="row" aria-label={t('shifts.weeks')}>
          <button type="button" onClick={() => setMonday(addWeeks(monday, -1))}>
            {t('shifts.previousWeek')}
          </button>
          <button type="button" onClick={() => setMonday(mondayAt(new Date()))}>
            {t('shifts.thisWeek')}
          </button>
          <button type="button" onClick={() => setMonday(addWeeks(monday, 1))}>
            {t('shifts.nextWeek')}
          </button>
        </nav>
      </div>
      {week.isError && <p role="alert">{errorMessage(week.error, t)}</p>}
      {week.data && (
        <RosterWeek
          key={monday}
          week={week.data}
          canEdit={canEdit}
          thisWeek={monday === mondayAt(new Date())}
        />
      )}
    </div>
  );
}

function RosterWeek({
  week,
  canEdit,
  thisWeek,
}: {
  week: RosterWeekView;
  canEdit: boolean;
  /** This week's roster shows what each person is doing now (their presence). */
  thisWeek: boolean;
}) {
  const { t, i18n } = useTranslation();
  const now = useNow(15_000);
  const trpc = useTRPC();
  // The team lead's unsaved changes, on top of the week as stored.
  const [draft, setDraft] = useState<Map<string, Cell>>(new Map());
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmCopy, setConfirmCopy] = useState(false);
  const save = useMutation(trpc.shifts.setWeek.mutationOptions());
  const copy = useMutation(trpc.shifts.copyWeek.mutationOptions());
  const stored = new Map(week.entries.map((e) => [cellKey(e.userId, e.day), e]));
  const cell = (userId: string, day: string): Cell =>
    draft.get(cellKey(userId, day)) ?? stored.get(cellKey(userId, day))?.duty ?? '';
  const dayLabel = (day: string) =>
    new Date(`${day}T12:00:00Z`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nb-NO', {
      weekday: 'long',
      day: 'numeric',
      month: 'numeric',
    });
  const changed = [...draft].filter(([key, duty]) => (stored.get(key)?.duty ?? '') !== duty).length;
  const lastChange = week.entries.reduce<RosterWeekView['entries'][number] | null>(
    (last, e) => (!last || e.updatedAt > last.updatedAt ? e : last),
    null,
  );

  const saveWeek = async () => {
    setNotice(null);
    const entries = week.people.flatMap((p) =>
      week.days.flatMap(({ day }) => {
        const duty = cell(p.userId, day);
        return duty ? [{ userId: p.userId, userName: p.name, day, duty }] : [];
      }),
    );
    try {
      await save.mutateAsync({ monday: week.monday, entries });
      setDraft(new Map());
      setNotice(t('shifts.saved'));
    } catch {
      // Shown below from the mutation's error; the draft is kept.
    }
  };
  const copyPrevious = async () => {
    setConfirmCopy(false);
    setNotice(null);
    try {
      const r = await copy.mutateAsync({ from: addWeeks(week.monday, -1), to: week.monday });
      setDraft(new Map());
      setNotice(t('shifts.copied', { count: r.copied }));
    } catch {
      // Shown below.
    }
  };
  const error = save.error ?? copy.error;

  return (
    <section className="card" aria-labelledby="roster-title">
      {week.staffOffline && <p className="notice">{t('shifts.staffOffline')}</p>}
      {week.people.length === 0 ? (
        <p className="muted">{t('shifts.nobody')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table roster-table">
            <caption className="visually-hidden">{t('shifts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('shifts.person')}</th>
                {week.days.map(({ day, closed }) => (
                  <th scope="col" key={day}>
                    {dayLabel(day)}
                    {closed && <span className="muted small"> ({t('shifts.closed')})</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {week.people.map((p) => (
                <tr key={p.userId}>
                  <th scope="row">
                    {p.name}
                    {p.role && <span className="muted small"> · {t(`roles.${p.role}`)}</span>}
                    {thisWeek && p.presence && (
                      <span className="presence-now small" data-state={p.presence.state}>
                        {t('presence.now')}: {t(`presence.states.${p.presence.state}`)}{' '}
                        {t('presence.for', {
                          time: formatMinutes(
                            Math.max(0, Math.floor((now - Date.parse(p.presence.since)) / 60_000)),
                            t('sla.hourUnit'),
                          ),
                        })}
                      </span>
                    )}
                  </th>
                  {week.days.map(({ day, closed }) => {
                    const value = cell(p.userId, day);
                    const key = cellKey(p.userId, day);
                    const unsaved = draft.has(key) && (stored.get(key)?.duty ?? '') !== value;
                    return (
                      <td key={day} className={`duty duty-${value || 'none'}${unsaved ? ' unsaved' : ''}`}>
                        {canEdit ? (
                          <select
                            aria-label={t('shifts.dutyOf', { name: p.name, day: dayLabel(day) })}
                            value={value}
                            disabled={closed && !value}
                            onChange={(e) => setDraft((d) => new Map(d).set(key, e.target.value as Cell))}
                          >
                            <option value="">{t('shifts.noDuty')}</option>
                            {DUTIES.map((duty) => (
                              <option key={duty} value={duty}>
                                {t(`shifts.duties.${duty}`)}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <span>{value ? t(`shifts.duties.${value}`) : '–'}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('shifts.onPhone')}</th>
                {week.days.map(({ day }) => (
                  <td key={day} data-testid={`phone-count-${day}`}>
                    {week.people.filter((p) => cell(p.userId, day) === 'phone').length}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {lastChange && (
        <p className="muted small">
          {t('shifts.changedBy', {
            who: lastChange.updatedByName,
            when: formatDateTime(lastChange.updatedAt),
          })}
        </p>
      )}
      {error && <p role="alert">{errorMessage(error, t)}</p>}
      {notice && (
        <p className="success" role="status">
          {notice}
        </p>
      )}
      {canEdit ? (
        <div className="row wrap">
          <button type="button" className="primary" disabled={save.isPending} onClick={saveWeek}>
            {changed > 0 ? t('shifts.saveChanges', { count: changed }) : t('shifts.save')}
          </button>
          {confirmCopy ? (
            <div role="group" aria-label={t('shifts.copyConfirmLabel')} className="row wrap">
              <span>{t('shifts.copyConfirm')}</span>
              <button type="button" onClick={copyPrevious} disabled={copy.isPending}>
                {t('shifts.copyAnyway')}
              </button>
              <button type="button" onClick={() => setConfirmCopy(false)}>
                {t('common.cancel')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              disabled={copy.isPending}
              onClick={() => (week.entries.length > 0 || changed > 0 ? setConfirmCopy(true) : copyPrevious())}
            >
              {t('shifts.copyPrevious')}
            </button>
          )}
        </div>
      ) : (
        <p className="notice">{t('shifts.readOnly')}</p>
      )}
    </section>
  );
}
