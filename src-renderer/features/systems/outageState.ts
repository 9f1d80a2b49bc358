// Where an outage stands, as the lists filter and the pages say it.
import type { OutageSummary } from './types';

/** Not dismissed, started, and not ended (a suspected one too: the probe still sees it down). */
export function isOngoing(o: Pick<OutageSummary, 'state' | 'startsAt' | 'endsAt'>, nowMs: number): boolean {
  return (
    o.state !== 'dismissed' &&
    Date.parse(o.startsAt) <= nowMs &&
    (o.endsAt === null || Date.parse(o.endsAt) > nowMs)
  );
}
