import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchKeypad } from '../queue/TouchKeypad.tsx';
import { useCardReader } from '../shared/use-card-reader.ts';

export type KioskChoices = { priority: boolean; phone: string; idNumber: string };

export const noChoices: KioskChoices = { priority: false, phone: '', idNumber: '' };

/** As the hall masks it everywhere (500112********1234): people stand behind the customer. */
const maskId = (id: string) => `${id.slice(0, 6)}${'*'.repeat(Math.max(0, id.length - 10))}${id.slice(-4)}`;

/** The optional extras of a ticket: green channel, a phone for a reminder, the ID card. */
export function KioskOptions({
  value,
  onChange,
  fieldError,
}: {
  value: KioskChoices;
  onChange: (v: KioskChoices) => void;
  fieldError: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const phoneId = useId();
  const idId = useId();
  const idField = useRef<HTMLInputElement>(null);
  const [keypad, setKeypad] = useState(false);
  useCardReader(idField, true);
  const phoneError = fieldError('phone');
  const idError = fieldError('idNumber');
  const idRead = /^\d{17}[\dX]$/.test(value.idNumber);

  return (
    <section className="kiosk-options" aria-label={t('queue:kiosk.options')}>
      <button
        type="button"
        className={`toggle ${value.priority ? 'on' : ''}`}
        aria-pressed={value.priority}
        onClick={() => onChange({ ...value, priority: !value.priority })}
      >
        <span className="toggle-title">{t('queue:kiosk.priority')}</span>
        <span className="toggle-hint">{t('queue:kiosk.priorityHint')}</span>
      </button>
      <div className={`field ${phoneError ? 'invalid' : ''}`}>
        <label htmlFor={phoneId}>{t('queue:kiosk.phone')}</label>
        <input
          id={phoneId}
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          value={value.phone}
          onFocus={() => setKeypad(true)}
          onChange={(e) => onChange({ ...value, phone: e.target.value.replace(/\D/g, '').slice(0, 11) })}
          aria-invalid={phoneError ? true : undefined}
        />
        {phoneError && <div className="field-error">{phoneError}</div>}
        {keypad && (
          <div className="keypad-pop">
            <TouchKeypad
              keys="1234567890"
              value={value.phone}
              maxLength={11}
              label={t('queue:kiosk.phone')}
              onChange={(phone) => onChange({ ...value, phone })}
            />
            <button type="button" className="link-button" onClick={() => setKeypad(false)}>
              {t('queue:keypad.done')}
            </button>
          </div>
        )}
      </div>
      <div className={`field ${idError ? 'invalid' : ''}`}>
        <label htmlFor={idId}>{t('queue:kiosk.idNumber')}</label>
        <input
          id={idId}
          ref={idField}
          className="id-input"
          autoComplete="off"
          maxLength={18}
          value={value.idNumber}
          onChange={(e) =>
            onChange({
              ...value,
              idNumber: e.target.value
                .toUpperCase()
                .replace(/[^0-9X]/g, '')
                .slice(0, 18),
            })
          }
          // The reader ends with Enter; it must not press whatever button was touched last.
          onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          aria-invalid={idError ? true : undefined}
          aria-describedby={`${idId}-hint`}
        />
        <div className="field-hint" id={`${idId}-hint`}>
          {idRead ? t('queue:kiosk.idRead', { id: maskId(value.idNumber) }) : t('queue:kiosk.idHint')}
        </div>
        {idError && <div className="field-error">{idError}</div>}
      </div>
    </section>
  );
}
