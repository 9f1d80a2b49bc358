// A system's maintenance windows on its page (R20, R24): the fixed weekly
// window(s) and the one-off windows, cancelled ones kept and marked; team
// leads and admins add and cancel them, and publish a notice for a one-off.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { NoticeForm } from './NoticeForm';
import type { SystemCard, WindowView } from './types';
import { weekdayNames } from './weekdays';
import { OnceWindowForm, WeeklyWindowForm } from './WindowForms';
import { dayText, instantToInput } from './when';

type Adding = 'weekly' | 'once' | null;

/** The owners at the system's customers, to prefill "agreed with". */
function ownerNames(system: SystemCard): string {
  return [...new Set(system.customers.map((c) => c.owner?.name).filter(Boolean))].join(', ');
}

export function WindowsSection({ system, canManage }: { system: SystemCard; canManage: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const [adding, setAdding] = useState<Adding>(null);
  const [noticeFor, setNoticeFor] = useState<string | null>(null);
  const cancel = useMutation(trpc.systems.cancelWindow.mutationOptions());
  const weekly = system.windows.filter((w) => w.kind === 'weekly');
  const once = system.windows.filter((w) => w.kind === 'once');
  const owner = ownerNames(system);
  const noticeWindow = once.find((w) => w.id === noticeFor);
  const cancelWindow = (id: string) => {
    if (window.confirm(t('systems.windows.confirmCancel'))) cancel.mutate({ windowId: id });
  };
  return (
    <section className="card" aria-labelledby="windows-title">
      <div className="row spread wrap">
        <h2 id="windows-title">{t('systems.windows.title')}</h2>
        {canManage && adding === null && (
          <div className="row">
            <button type="button" onClick={() => setAdding('weekly')}>
              {t('systems.windows.addWeekly')}
            </button>
            <button type="button" onClick={() => setAdding('once')}>
              {t('systems.windows.addOnce')}
            </button>
          </div>
        )}
      </div>
      <p className="muted small">{t('systems.windows.intro')}</p>
      {adding === 'weekly' && (
        <WeeklyWindowForm systemId={system.id} ownerName={owner} onDone={() => setAdding(null)} />
      )}
      {adding === 'once' && (
        <OnceWindowForm systemId={system.id} ownerName={owner} onDone={() => setAdding(null)} />
      )}
      {cancel.isError && <p role="alert">{errorMessage(cancel.error, t)}</p>}
      <h3>{t('systems.windows.weeklyTitle')}</h3>
      {weekly.length === 0 && <p className="muted">{t('systems.windows.noWeekly')}</p>}
      <WindowList windows={weekly} canManage={canManage} busy={cancel.isPending} onCancel={cancelWindow} />
      <h3>{t('systems.windows.onceTitle')}</h3>
      {once.length === 0 && <p className="muted">{t('systems.windows.noOnce')}</p>}
      <WindowList
        windows={once}
        canManage={canManage}
        busy={cancel.isPending}
        onCancel={cancelWindow}
        onNotice={setNoticeFor}
      />
      {noticeWindow && noticeWindow.kind === 'once' && (
        <NoticeForm
          key={noticeWindow.id}
          windowId={noticeWindow.id}
          prefill={{
            title: t('systems.windows.noticeTitle', { system: system.name }),
            body: t('systems.windows.noticeBody', {
              system: system.name,
              from: formatDateTime(noticeWindow.startsAt),
              to: formatDateTime(noticeWindow.endsAt),
            }),
            state: 'planned',
            systemIds: [system.id],
            startsAt: instantToInput(noticeWindow.startsAt),
            endsAt: instantToInput(noticeWindow.endsAt),
          }}
          onDone={(id) => {
            setNoticeFor(null);
            if (id) navigate(`/systems/notices/${id}`);
          }}
        />
      )}
    </section>
  );
}

function WindowList({
  windows,
  canManage,
  busy,
  onCancel,
  onNotice,
}: {
  windows: readonly WindowView[];
  canManage: boolean;
  busy: boolean;
  onCancel(id: string): void;
  onNotice?(id: string): void;
}) {
  const { t, i18n } = useTranslation();
  const days = weekdayNames(i18n.language);
  if (windows.length === 0) return null;
  return (
    <ul className="plain window-list" data-testid="windows">
      {windows.map((w) => (
        <li key={w.id} className={w.cancelled ? 'cancelled' : undefined}>
          <div>
            {w.kind === 'weekly' ? (
              <strong>
                {t('systems.windows.weeklyLine', { day: days[w.weekday - 1], start: w.start, end: w.end })}
                {w.end <= w.start && ` ${t('systems.windows.pastMidnight')}`}
              </strong>
            ) : (
              <strong>
                {formatDateTime(w.startsAt)} – {formatDateTime(w.endsAt)}
              </strong>
            )}
            {w.cancelled && <span className="tag tone-bad"> {t('systems.windows.cancelled')}</span>}
            <small className="block muted">
              {w.kind === 'weekly'
                ? t('systems.windows.validLine', {
                    from: dayText(w.validFrom),
                    until: w.validUntil ? dayText(w.validUntil) : t('systems.windows.untilFurther'),
                  })
                : w.announcedAt && t('systems.windows.announcedLine', { at: formatDateTime(w.announcedAt) })}
              {' · '}
              {t('systems.windows.agreedLine', { name: w.agreedWithName })}
            </small>
            {w.shortNoticeReason && (
              <small className="block">
                {t('systems.windows.shortNoticeLine', { reason: w.shortNoticeReason })}
              </small>
            )}
            {w.note && <small className="block muted">{w.note}</small>}
          </div>
          {canManage && !w.cancelled && (
            <div className="row">
              {onNotice && (
                <button type="button" onClick={() => onNotice(w.id)}>
                  {t('systems.notices.publishFor')}
                </button>
              )}
              <button type="button" className="ghost" disabled={busy} onClick={() => onCancel(w.id)}>
                {t('systems.windows.cancel')}
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
