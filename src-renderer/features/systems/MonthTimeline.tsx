// A month's outages and maintenance windows on one time axis (recharts: a
// horizontal range bar per outage or window). Each bar's row names what it
// is in words (counted, excluded, maintenance), so nothing is told by colour
// alone; the tables beside the chart say the same as text.
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DateTime } from 'luxon';
import { SERVICE_TIME_ZONE } from '../../../src-shared/serviceTimeZone';
import { formatDateTime } from '../../app/format';
import type { UptimeMonth } from './types';

type Kind = 'counted' | 'excluded' | 'maintenance';

interface Lane {
  label: string;
  kind: Kind;
  /** What is drawn: at least a sliver, so a five-minute outage shows on a month's axis. */
  range: [number, number];
  startMs: number;
  endMs: number;
}

const FILL: Record<Kind, string> = { counted: '#b3261e', excluded: '#a87a00', maintenance: '#0b5cad' };
const ROW_HEIGHT = 30;

export function MonthTimeline({ detail, nowMs }: { detail: UptimeMonth; nowMs: number }) {
  const { t } = useTranslation();
  const { startMs, endMs } = detail.period;
  const sliver = (endMs - startMs) / 250;
  const lane = (label: string, kind: Kind, s: number, e: number): Lane => ({
    label,
    kind,
    startMs: s,
    endMs: e,
    range: [s, Math.min(endMs, Math.max(e, s + sliver))],
  });
  const lanes: Lane[] = [
    ...detail.outages.map((o) =>
      lane(
        `${t(o.counted ? 'systems.month.laneCounted' : 'systems.month.laneExcluded')}: ${o.title}`,
        o.counted ? 'counted' : 'excluded',
        o.clippedStartMs,
        o.clippedEndMs,
      ),
    ),
    ...detail.windows.map((w) =>
      lane(
        `${t('systems.month.laneMaintenance')} ${DateTime.fromMillis(w.startMs, { zone: SERVICE_TIME_ZONE }).toFormat('dd.MM HH:mm')}`,
        'maintenance',
        Math.max(w.startMs, startMs),
        Math.min(w.endMs, endMs),
      ),
    ),
  ].sort((a, b) => a.startMs - b.startMs);
  if (lanes.length === 0) return <p className="muted">{t('systems.month.nothingToDraw')}</p>;
  const ticks: number[] = [];
  for (
    let d = DateTime.fromMillis(startMs, { zone: SERVICE_TIME_ZONE });
    d.toMillis() < endMs;
    d = d.plus({ days: 1 })
  ) {
    if ((d.day - 1) % 5 === 0) ticks.push(d.toMillis());
  }
  const dayLabel = (ms: number) => DateTime.fromMillis(ms, { zone: SERVICE_TIME_ZONE }).toFormat('d.M.');
  return (
    <figure className="month-timeline" aria-describedby="timeline-alt">
      <div className="chart-scroll">
        <ResponsiveContainer width="100%" minWidth={640} height={lanes.length * ROW_HEIGHT + 70}>
          <BarChart
            layout="vertical"
            data={lanes}
            margin={{ top: 24, right: 24, bottom: 10, left: 10 }}
            barCategoryGap={6}
          >
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis
              type="number"
              domain={[startMs, endMs]}
              ticks={ticks}
              tickFormatter={dayLabel}
              allowDataOverflow
            />
            <YAxis type="category" dataKey="label" width={260} interval={0} tick={{ fontSize: 12 }} />
            {nowMs > startMs && nowMs < endMs && (
              <ReferenceLine
                x={nowMs}
                stroke="#5d6b7a"
                strokeDasharray="4 2"
                label={{ value: t('systems.month.now'), position: 'top' }}
              />
            )}
            <Tooltip
              cursor={{ fill: 'rgb(0 0 0 / 4%)' }}
              content={({ active, payload }) => {
                const l = active ? (payload?.[0]?.payload as Lane | undefined) : undefined;
                return l ? (
                  <div className="chart-tip">
                    <strong>{l.label}</strong>
                    <br />
                    {formatDateTime(new Date(l.startMs).toISOString())} –{' '}
                    {formatDateTime(new Date(l.endMs).toISOString())}
                  </div>
                ) : null;
              }}
            />
            <Bar dataKey="range" isAnimationActive={false}>
              {lanes.map((l, i) => (
                <Cell key={i} fill={FILL[l.kind]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption id="timeline-alt" className="muted small">
        {t('systems.month.chartCaption')}
      </figcaption>
    </figure>
  );
}
