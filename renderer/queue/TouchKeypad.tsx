import { useTranslation } from 'react-i18next';

/**
 * Big keys for a touch screen. Pressing a key never takes the focus from the field
 * being filled, so a physical keyboard and the keypad can be mixed.
 */
export function TouchKeypad({
  keys,
  value,
  maxLength,
  onChange,
  label,
}: {
  keys: string;
  value: string;
  maxLength: number;
  onChange: (v: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const keep = (e: { preventDefault: () => void }) => e.preventDefault();
  const press = (key: string) => {
    if (value.length < maxLength) onChange(value + key);
  };
  return (
    <div className="keypad" role="group" aria-label={label}>
      {[...keys].map((k) => (
        <button key={k} type="button" onPointerDown={keep} onClick={() => press(k)}>
          {k}
        </button>
      ))}
      <button type="button" className="keypad-wide" onPointerDown={keep} onClick={() => onChange(value.slice(0, -1))} aria-label={t('queue:keypad.back')}>
        ⌫
      </button>
      <button type="button" className="keypad-wide" onPointerDown={keep} onClick={() => onChange('')}>
        {t('queue:keypad.clear')}
      </button>
    </div>
  );
}
