import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../main/core/intake/views.ts';
import { Field } from '../shared/Field.tsx';
import { CustomerFinder } from './CustomerFinder.tsx';
import { personIdTypes } from '../../common/identity.ts';
import { type CustomerFields, emptyCustomer } from './form-state.ts';
import { contactPhoneProblem, creditCodeProblem, documentNumberProblem, mobileProblem, residentIdProblem } from './id-check.ts';
import { hallToday } from '../shared/hall-clock.ts';
import { useCardReader } from '../shared/use-card-reader.ts';

type FieldName = 'name' | 'idNumber' | 'mobile' | 'creditCode' | 'contactName' | 'contactPhone';

/** The message key of what is wrong with one field, or undefined; empty fields are judged only when the form is sent. */
function problemOf(c: CustomerFields, field: FieldName): string | undefined {
  const value = c[field];
  if (!value.trim()) return 'field.required';
  if (field === 'idNumber') return c.idType === 'residentId' ? residentIdProblem(value, hallToday()) : documentNumberProblem(value);
  if (field === 'mobile') return mobileProblem(value);
  if (field === 'creditCode') return creditCodeProblem(value);
  if (field === 'contactPhone') return contactPhoneProblem(value);
  return undefined;
}

const fieldsOf = (c: CustomerFields): FieldName[] =>
  c.kind === 'person' ? ['name', 'idNumber', 'mobile'] : ['name', 'creditCode', 'contactName', 'contactPhone'];

/** Whether the typed customer would pass the server's checks, as far as the form can tell. */
export const customerProblems = (c: CustomerFields): FieldName[] => fieldsOf(c).filter((f) => problemOf(c, f) !== undefined);

/**
 * Who the application is for: a returning customer found by ID, phone or account (shown
 * masked), or a person or enterprise typed in, each number checked as the field is left.
 */
export function CustomerSection({
  customer,
  found,
  serverError,
  showAll,
  readerOn,
  onChange,
  onPick,
  onClearFound,
}: {
  /** The ID card reader's keys go to 证件号码 (the intake tab is in front). */
  readerOn: boolean;
  customer: CustomerFields;
  found: CustomerView | null;
  serverError: (path: string) => string | undefined;
  /** After a refused attempt every field shows its problem, not only those the clerk has left. */
  showAll: boolean;
  onChange: (c: CustomerFields) => void;
  onPick: (c: CustomerView) => void;
  onClearFound: () => void;
}) {
  const { t } = useTranslation();
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set());
  const touch = (f: FieldName) => setTouched((s) => new Set(s).add(f));
  const error = (f: FieldName): string | undefined => {
    const shown = showAll || (touched.has(f) && customer[f].trim() !== '');
    const local = shown ? problemOf(customer, f) : undefined;
    if (local) return t(`errors:${local}`);
    return serverError(`customer.${f}`);
  };
  const set = (patch: Partial<CustomerFields>) => onChange({ ...customer, ...patch });
  const input = (f: FieldName, label: string, extra: Omit<Parameters<typeof Field>[0], 'label'> = {}) => (
    <Field
      label={label}
      value={customer[f]}
      error={error(f)}
      onChange={(e) => set({ [f]: e.target.value })}
      onBlur={() => touch(f)}
      data-testid={`customer-${f}`}
      {...extra}
    />
  );

  // The ID card reader (keyboard mode), as on the kiosk: its burst lands in 证件号码 wherever the
  // focus was, and its closing Enter checks the number at once instead of pressing anything.
  const idField = useRef<HTMLInputElement>(null);
  const mobileField = useRef<HTMLInputElement>(null);
  useCardReader(idField, readerOn && !found && customer.kind === 'person');
  const onIdKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.ctrlKey) return;
    e.preventDefault();
    touch('idNumber');
    // A good number read: on to the one thing the card does not hold.
    if (problemOf({ ...customer, idNumber: e.currentTarget.value }, 'idNumber') === undefined) mobileField.current?.focus();
  };

  if (found) {
    return (
      <section className="card intake-section" aria-labelledby="customer-title">
        <h2 id="customer-title">{t('intake:customer.title')}</h2>
        <div className="found-customer" data-testid="found-customer">
          <div>
            <strong>{found.name}</strong> <span className="badge">{t(`intake:customer.kind.${found.kind}`)}</span>{' '}
            <span className="badge ok">{t('intake:customer.returning')}</span>
          </div>
          <div>{t('intake:customer.idMasked', { id: found.idMasked })}</div>
          <div>{t('intake:customer.phoneMasked', { phone: found.phoneMasked })}</div>
          {found.address && <div>{found.address}</div>}
          <button type="button" className="small" onClick={onClearFound}>
            {t('intake:customer.another')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="card intake-section" aria-labelledby="customer-title">
      <h2 id="customer-title">{t('intake:customer.title')}</h2>
      <CustomerFinder onPick={onPick} />
      <div className="kind-switch" role="radiogroup" aria-label={t('intake:customer.kindLabel')}>
        {(['person', 'enterprise'] as const).map((kind) => (
          <label key={kind} className="check">
            <input
              type="radio"
              name="customer-kind"
              checked={customer.kind === kind}
              onChange={() => onChange({ ...emptyCustomer, kind, name: customer.name, address: customer.address })}
            />
            {t(`intake:customer.kind.${kind}`)}
          </label>
        ))}
      </div>
      {customer.kind === 'person' ? (
        <div className="form-row">
          {input('name', t('intake:customer.name'), { autoComplete: 'off' })}
          <label className="field">
            <span>{t('intake:customer.idType')}</span>
            <select value={customer.idType} onChange={(e) => set({ idType: personIdTypes.find((x) => x === e.target.value) ?? 'residentId' })}>
              {personIdTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`intake:customer.idTypes.${type}`)}
                </option>
              ))}
            </select>
          </label>
          {input('idNumber', t('intake:customer.idNumber'), { autoComplete: 'off', inputMode: 'text', ref: idField, onKeyDown: onIdKey })}
          {input('mobile', t('intake:customer.mobile'), { autoComplete: 'off', inputMode: 'tel', ref: mobileField })}
        </div>
      ) : (
        <div className="form-row">
          {input('name', t('intake:customer.enterpriseName'), { autoComplete: 'off' })}
          {input('creditCode', t('intake:customer.creditCode'), { autoComplete: 'off' })}
          {input('contactName', t('intake:customer.contactName'), { autoComplete: 'off' })}
          {input('contactPhone', t('intake:customer.contactPhone'), { autoComplete: 'off', inputMode: 'tel' })}
        </div>
      )}
      <Field label={t('intake:customer.address')} value={customer.address} onChange={(e) => set({ address: e.target.value })} autoComplete="off" />
    </section>
  );
}
