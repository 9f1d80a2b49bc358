// The approved models to choose from, by category; models no longer approved
// are marked (a device of one may still be registered: it gets the warning).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DEVICE_CATEGORIES } from '../../../src-shared/equipment/catalogue';
import type { ControlProps } from '../../app/forms/Field';
import { useTRPC } from '../../app/trpc';

export function ModelSelect({ control }: { control: ControlProps }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const models = useQuery(trpc.equipment.models.queryOptions());
  return (
    <select {...control}>
      <option value="">{t('equipment.fields.chooseModel')}</option>
      {DEVICE_CATEGORIES.map((category) => {
        const list = (models.data ?? []).filter((m) => m.category === category);
        return list.length === 0 ? null : (
          <optgroup key={category} label={t(`equipment.categories.${category}`)}>
            {list.map((m) => (
              <option key={m.id} value={m.id}>
                {m.maker} {m.name}
                {m.approvedToday ? '' : ` (${t('equipment.models.notApprovedNow')})`}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}
