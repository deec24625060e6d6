import { useTranslation } from 'react-i18next';

export type KioskStep = 'business' | 'options' | 'ticket';
const steps: readonly KioskStep[] = ['business', 'options', 'ticket'];

/** 业务 → 选项 → 取号: where the customer is, so the extras are never a surprise. */
export function KioskSteps({ current }: { current: KioskStep }) {
  const { t } = useTranslation();
  const at = steps.indexOf(current);
  return (
    <ol className="kiosk-steps" aria-label={t('queue:kiosk.steps.label')}>
      {steps.map((step, i) => (
        <li key={step} className={i < at ? 'done' : i === at ? 'current' : ''} aria-current={i === at ? 'step' : undefined}>
          <span className="kiosk-step-number" aria-hidden="true">
            {i + 1}
          </span>
          {t(`queue:kiosk.steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}
