// The hint that a call arrives outside opening hours (issue 18; R1, R2): the
// desk is open Monday–Friday 08:00–15:30 by the SLA calendar in force, and a
// call logged after closing says so, with the next opening, so the agent
// knows a ticket from it starts its clock only then.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { createServiceCalendar, type SlaSettings } from '../../../src-shared/sla';
import { SERVICE_TIME_ZONE } from '../../../src-shared/serviceTimeZone';
import { useTRPC } from '../../app/trpc';

/** "fredag 11.12. kl. 08:00" (or "Friday 11.12. at 08:00"): when the desk opens next. */
function openingText(ms: number, lang: string): string {
  const at = DateTime.fromMillis(ms, { zone: SERVICE_TIME_ZONE }).setLocale(
    lang === 'en' ? 'en-GB' : 'nb-NO',
  );
  return at.toFormat(lang === 'en' ? "cccc dd.MM. 'at' HH:mm" : "cccc dd.MM. 'kl.' HH:mm");
}

/** Null while the desk is open (or the calendar is not loaded); else a notice with the next opening. */
export function OutsideHours({ atMs }: { atMs: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const sla = useQuery(trpc.sla.settings.queryOptions(undefined, { staleTime: 60_000 }));
  const settings = sla.data?.settings as SlaSettings | undefined;
  const calendar = useMemo(() => (settings ? createServiceCalendar(settings) : null), [settings]);
  if (!calendar || calendar.isOpen(atMs)) return null;
  return (
    <p className="notice small" role="status" data-testid="outside-hours">
      {t('calls.log.outsideHours', { opening: openingText(calendar.nextOpening(atMs), i18n.language) })}
    </p>
  );
}
