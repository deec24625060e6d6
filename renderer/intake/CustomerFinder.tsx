import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../main/core/intake/views.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { useMutation } from '../shared/use-api.ts';

/** Which field of customers/find the clerk's one box means: a phone, an 18-character ID or credit code, else an account. */
function criterionOf(text: string): { idNumber: string } | { phone: string } | { accountNo: string } {
  const compact = text.normalize('NFKC').replace(/[\s-]/g, '');
  if (/^(\+?86)?1[3-9]\d{9}$/.test(compact) || /^0\d{9,11}$/.test(compact)) return { phone: compact };
  if (compact.length === 18) return { idNumber: compact };
  return { accountNo: compact };
}

/**
 * Finds a returning customer by ID number or credit code, phone or a utility account number,
 * so nothing is asked twice. Results are masked; picking one fills the form.
 */
export function CustomerFinder({ onPick }: { onPick: (customer: CustomerView) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [results, setResults] = useState<CustomerView[]>();
  const find = useMutation('customers/find');

  const search = async () => {
    if (!text.trim()) return;
    const found = await find.run(criterionOf(text));
    setResults(found);
  };

  return (
    <div className="customer-finder">
      <div className="finder-row">
        <Field
          label={t('intake:customer.find')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void search();
            }
          }}
          placeholder={t('intake:customer.findHint')}
          data-testid="customer-find"
        />
        <button type="button" className="secondary" onClick={() => void search()} disabled={find.pending || !text.trim()}>
          {t('intake:customer.findButton')}
        </button>
      </div>
      <ErrorBanner error={find.error} />
      {results && results.length === 0 && <p className="hint">{t('intake:customer.noneFound')}</p>}
      {results && results.length > 0 && (
        <ul className="finder-results" aria-label={t('intake:customer.results')}>
          {results.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="finder-result"
                onClick={() => {
                  onPick(c);
                  setResults(undefined);
                  setText('');
                }}
              >
                <strong>{c.name}</strong>
                <span>{c.idMasked}</span>
                <span>{c.phoneMasked}</span>
                <span className="muted">{c.accounts.map((a) => a.accountNo).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
