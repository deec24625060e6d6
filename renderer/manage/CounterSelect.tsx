import { useTranslation } from 'react-i18next';
import type { CounterChoice } from './DevicesSection.tsx';

/**
 * The window a device serves, as the pairing and the binding dialogs ask for it: a 评价器 must
 * have one (the empty choice reads 请选择窗口), a board may have none (未绑定).
 */
export function CounterSelect(props: {
  counters: readonly CounterChoice[];
  value: string;
  onChange: (value: string) => void;
  forRating: boolean;
  error: string | undefined;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className={`field ${props.error ? 'invalid' : ''}`}>
      <label className="select">
        {t('manage:devices.counter')}
        <select
          value={props.value}
          autoFocus={props.autoFocus}
          required={props.forRating}
          aria-invalid={props.error ? true : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        >
          <option value="">{props.forRating ? t('manage:devices.chooseCounter') : t('manage:devices.unbound')}</option>
          {props.counters.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {props.error && <div className="field-error">{props.error}</div>}
    </div>
  );
}
