// Browser mode opened without its access token (e.g. a bookmarked address).
import { useTranslation } from 'react-i18next';

export function MissingToken() {
  const { t } = useTranslation();
  return (
    <main className="centered">
      <div className="card narrow">
        <h1>{t('app.title')}</h1>
        <p role="alert">{t('errors.missingToken')}</p>
      </div>
    </main>
  );
}
