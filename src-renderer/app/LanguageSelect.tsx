// The language switch (bokmål / English), remembered on this desk.
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from './i18n';

export function LanguageSelect({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <select
      className={className}
      aria-label={t('common.language')}
      value={i18n.language}
      onChange={(e) => setLanguage(e.target.value as Language)}
    >
      <option value="nb">Norsk bokmål</option>
      <option value="en">English</option>
    </select>
  );
}
