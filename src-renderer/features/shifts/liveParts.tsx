// What the live view's parts share (issue 15): the view's type as the desk's
// router returns it, the tiles, and how shares and waits are written.
import type { inferRouterOutputs } from '@trpc/server';
import type { LocalRouter } from '../../../src-main/desk/router';
import { formatDuration } from '../../../src-shared/calls/durations';

export type LiveView = inferRouterOutputs<LocalRouter>['shifts']['live'];

export const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);
export const duration = (ms: number | null) => (ms === null ? '–' : formatDuration(ms));

export function Tile({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: string;
  tone?: string;
  testId?: string;
}) {
  return (
    <div className={`tile${tone ? ` tone-${tone}` : ''}`} data-testid={testId}>
      <span className="tile-value">{value}</span>
      <span className="tile-label">{label}</span>
    </div>
  );
}
