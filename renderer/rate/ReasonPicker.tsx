import { useTranslation } from 'react-i18next';
import { type BadRatingReason, badRatingReasons } from '../../common/rating-levels.ts';

/**
 * What went wrong, asked after a bad rating at the counter's screen and on the receipt's page
 * alike: every reason a toggle, any number of them picked.
 */
export function ReasonPicker({ picked, onChange }: { picked: BadRatingReason[]; onChange: (picked: BadRatingReason[]) => void }) {
  const { t } = useTranslation();
  const toggle = (reason: BadRatingReason) => onChange(picked.includes(reason) ? picked.filter((r) => r !== reason) : [...picked, reason]);
  return (
    <div className="rating-reasons" role="group" aria-label={t('ratings:screen.reasonsTitle')}>
      {badRatingReasons.map((reason) => (
        <button
          key={reason}
          type="button"
          aria-pressed={picked.includes(reason)}
          className={picked.includes(reason) ? 'picked' : ''}
          onClick={() => toggle(reason)}
        >
          {t(`ratings:reason.${reason}`)}
        </button>
      ))}
    </div>
  );
}
