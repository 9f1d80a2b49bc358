// Under the sign-in forms: the central store this desk signs in against (its
// address, or "local central database" when it runs inside the desk itself)
// in small print, and the language switch.
import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '../../app/account';
import { LanguageSelect } from '../../app/LanguageSelect';

export function SignInFooter({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  const where = status.embedded
    ? t('account.embeddedCentral')
    : (status.centralUrl ?? t('account.noCentral'));
  return (
    <footer className="signin-footer">
      <p className="central-address" data-testid="central-address">
        {t('account.centralStore')}: {where}
        {status.setupNeeded === null && <> · {t('account.centralDown')}</>}
      </p>
      <LanguageSelect className="quiet" />
    </footer>
  );
}
