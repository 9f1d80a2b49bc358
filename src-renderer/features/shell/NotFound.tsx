// An address the desk has no view for (an old bookmark, a mistyped link): says so, and leads home.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

export function NotFound({ home }: { home: string }) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h1>{t('nav.notFound')}</h1>
      <p>{t('nav.notFoundText')}</p>
      <p>
        <Link href={home}>{t('nav.home')}</Link>
      </p>
    </section>
  );
}
