/** What is stored, where, and that nothing leaves the computer. */
export function PrivacySection() {
  return (
    <div class="privacy">
      <ul>
        <li>
          <strong>{t('pvSettings')}</strong> {t('pvSettingsText')}
        </li>
        <li>
          <strong>{t('pvHistory')}</strong> {t('pvHistoryText')}
        </li>
        <li>
          <strong>{t('pvNever')}</strong> {t('pvNeverText')}
        </li>
        <li>
          <strong>{t('pvNothing')}</strong> {t('pvNothingText')}
        </li>
      </ul>
    </div>
  );
}
import { t } from '@/stores/i18n';
