// Waiting time and talk time of a call (R3), as the desk shows them.
import { instantMs } from '../time';

interface Timed {
  arrivedAt: string;
  takenAt: string | null;
  endedAt: string | null;
}

/** From arrival until taken (or until `nowMs` while still waiting, or until it ended unanswered). */
export function waitingMs(call: Timed, nowMs: number): number {
  const end = call.takenAt ?? call.endedAt;
  return Math.max(0, (end ? instantMs(end) : nowMs) - instantMs(call.arrivedAt));
}

/** From taken until ended (or until `nowMs` while the call goes on); null if never taken. */
export function talkMs(call: Timed, nowMs: number): number | null {
  if (!call.takenAt) return null;
  return Math.max(0, (call.endedAt ? instantMs(call.endedAt) : nowMs) - instantMs(call.takenAt));
}

/** "4:05" or "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
