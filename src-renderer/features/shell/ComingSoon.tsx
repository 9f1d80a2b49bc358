// A placeholder page for features that later issues bring (tickets, equipment, …).
import { useTranslation } from 'react-i18next';

export function ComingSoon({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h1>{t(titleKey)}</h1>
      <p>{t('common.comingSoon')}</p>
    </section>
  );
}
