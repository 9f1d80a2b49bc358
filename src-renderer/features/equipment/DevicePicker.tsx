// Picks a device by typing a piece of its serial, asset tag, user or
// workplace (the look-up answers as one types): a combobox with the matches
// below it, arrow keys and Enter to choose, Escape to close. Used by the
// handover form (the old device, a device from stock) and by tickets (the
// linked device).
import { useId, useState, type KeyboardEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { useDebounced } from '../../app/useDebounced';
import type { DeviceSummary } from './types';

export function DevicePicker({
  label,
  onPick,
  accept = () => true,
  autoFocus = false,
  invalid = false,
  describedBy,
}: {
  label: string;
  onPick(device: DeviceSummary): void;
  /** Devices that can be chosen here (others are listed, greyed, with why not). */
  accept?(device: DeviceSummary): true | string;
  autoFocus?: boolean;
  invalid?: boolean;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const typed = useDebounced(text.trim(), 120);
  const found = useQuery(
    trpc.equipment.search.queryOptions(
      { text: typed, limit: 10 },
      { enabled: typed !== '', placeholderData: keepPreviousData },
    ),
  );
  const results = typed === '' ? [] : (found.data ?? []);
  const shown = open && text.trim() !== '';

  const choose = (d: DeviceSummary) => {
    if (accept(d) !== true) return;
    onPick(d);
    setText('');
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && shown && results[active]) {
      e.preventDefault();
      choose(results[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="device-picker">
      <label className="field">
        <span>{label}</span>
        <input
          role="combobox"
          aria-expanded={shown}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={shown && results[active] ? `${id}-${active}` : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          autoFocus={autoFocus}
          placeholder={t('equipment.lookup.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKey}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
      </label>
      {shown && (
        <ul id={`${id}-list`} role="listbox" className="picker-list" aria-label={label}>
          {results.length === 0 && found.isFetched && (
            <li className="muted" role="presentation">
              {t('equipment.lookup.none')}
            </li>
          )}
          {results.map((d, i) => {
            const ok = accept(d);
            return (
              <li
                key={d.id}
                id={`${id}-${i}`}
                role="option"
                aria-selected={i === active}
                aria-disabled={ok !== true || undefined}
                className={`${i === active ? 'active' : ''}${ok === true ? '' : ' unavailable'}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(d)}
              >
                <span className="mono">{d.serial}</span>
                {d.assetTag && <span className="mono muted"> · {d.assetTag}</span>}
                <span>
                  {' '}
                  {d.maker} {d.modelName}
                </span>
                <small className="block muted">
                  {[d.assignedUser, d.workplace, t(`equipment.statuses.${d.status}`)]
                    .filter(Boolean)
                    .join(' · ')}
                  {ok !== true && ` — ${ok}`}
                </small>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
