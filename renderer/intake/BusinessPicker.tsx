import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import { filterBusinesses, searchable } from './business-filter.ts';
import { useNames } from './names.ts';
import { useReadings } from './pinyin.ts';
import { Field } from '../shared/Field.tsx';

export type Catalogue = OutputOf<Contract['catalogue/current']>['catalogue'];

/** The businesses a selection covers: the bundle's, then those picked one by one. */
export function chosenCodes(catalogue: Catalogue, bundle: string | null, businesses: readonly string[]): string[] {
  const fromBundle = bundle ? (catalogue.bundles.find((b) => b.code === bundle)?.businessCodes ?? []) : [];
  return [...new Set([...fromBundle, ...businesses])];
}

/** The utilities a selection touches, in the catalogue's order. */
export function chosenUtilities(catalogue: Catalogue, codes: readonly string[]): string[] {
  const touched = new Set(catalogue.businesses.filter((b) => codes.includes(b.code)).map((b) => b.utility));
  return catalogue.utilities.map((u) => u.code).filter((u) => touched.has(u));
}

/**
 * The clerk picks a joint bundle (一件事, e.g. property transfer for four utilities) and/or
 * single businesses across utilities; businesses a bundle brings are shown ticked and fixed.
 */
export function BusinessPicker({
  catalogue,
  bundle,
  businesses,
  accounts,
  onChange,
  onAccount,
}: {
  catalogue: Catalogue;
  bundle: string | null;
  businesses: readonly string[];
  accounts: Readonly<Record<string, string>>;
  onChange: (bundle: string | null, businesses: string[]) => void;
  onAccount: (utility: string, accountNo: string) => void;
}) {
  const { t } = useTranslation();
  const name = useNames();
  const inBundle = new Set(bundle ? (catalogue.bundles.find((b) => b.code === bundle)?.businessCodes ?? []) : []);
  const codes = chosenCodes(catalogue, bundle, businesses);
  const utilities = chosenUtilities(catalogue, codes);

  const toggleBundle = (code: string) => {
    const next = bundle === code ? null : code;
    const covered = new Set(next ? (catalogue.bundles.find((b) => b.code === next)?.businessCodes ?? []) : []);
    onChange(
      next,
      businesses.filter((b) => !covered.has(b)),
    );
  };
  const toggle = (code: string) => onChange(bundle, businesses.includes(code) ? businesses.filter((b) => b !== code) : [...businesses, code]);

  // The quick filter: 48 boxes were some 26 Tabs away; "rqgh" and Enter pick 燃气过户.
  const gridId = useId();
  const readingsOf = useReadings();
  const active = useMemo(() => catalogue.businesses.filter((b) => b.active !== false), [catalogue]);
  const items = useMemo(() => active.map((b) => searchable(b.code, b.names, readingsOf)), [active, readingsOf]);
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const matches = filterBusinesses(items, query);
  const filtering = query.trim() !== '';
  const at = matches.length > 0 ? Math.min(cursor, matches.length - 1) : -1;
  const current = active.find((b) => b.code === matches[at]);
  const onFilterKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter also ends an input method's composition: that one is the IME's, not a pick.
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (matches.length > 0) setCursor((at + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if (e.key === 'Enter' && !e.ctrlKey) {
      e.preventDefault();
      if (current && !inBundle.has(current.code)) toggle(current.code);
      if (current) setQuery('');
    } else if (e.key === 'Escape' && filtering) {
      e.preventDefault();
      setQuery('');
    }
  };
  const filterStatus = !filtering
    ? t('intake:business.filterHint')
    : !current
      ? t('intake:business.filterNone')
      : t(
          inBundle.has(current.code)
            ? 'intake:business.filterInBundle'
            : businesses.includes(current.code)
              ? 'intake:business.filterUnpick'
              : 'intake:business.filterPick',
          {
            name: name(current.names),
            count: matches.length,
          },
        );

  return (
    <section className="card intake-section" aria-labelledby="business-title">
      <div className="business-head">
        <h2 id="business-title">{t('intake:business.title')}</h2>
        <input
          type="search"
          className="business-filter"
          role="combobox"
          aria-expanded={filtering}
          aria-controls={gridId}
          aria-autocomplete="list"
          aria-label={t('intake:business.filter')}
          aria-describedby={`${gridId}-status`}
          placeholder={t('intake:business.filterPlaceholder')}
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setCursor(0);
          }}
          onKeyDown={onFilterKey}
          // The matches show in the grid below: bring the whole chooser up rather than type blind under the sticky bar.
          onFocus={(e) => e.currentTarget.closest('section')?.scrollIntoView({ block: 'start' })}
          data-testid="business-filter"
        />
        <span
          className={`business-filter-status ${filtering && !current ? 'none' : ''}`}
          id={`${gridId}-status`}
          role="status"
          data-testid="business-filter-status"
        >
          {filterStatus}
        </span>
      </div>
      <div className="bundle-row" role="group" aria-label={t('intake:business.bundles')}>
        {catalogue.bundles.map((b) => (
          <button
            key={b.code}
            type="button"
            className={`toggle bundle-toggle ${bundle === b.code ? 'on' : ''}`}
            aria-pressed={bundle === b.code}
            onClick={() => toggleBundle(b.code)}
            data-testid={`bundle-${b.code}`}
          >
            <span className="toggle-title">{name(b.names)}</span>
            <span className="toggle-hint">{t('intake:business.bundleCount', { count: b.businessCodes.length })}</span>
          </button>
        ))}
      </div>
      <div className="business-grid" id={gridId}>
        {catalogue.utilities.map((u) => {
          const shown = active.filter((b) => b.utility === u.code && (!filtering || matches.includes(b.code)));
          // While filtering, a utility with nothing found steps aside so the matches sit together.
          if (filtering && shown.length === 0) return null;
          return (
            <fieldset key={u.code} className="business-utility">
              <legend>
                <span className="utility-short">{u.short}</span> {name(u.names)}
              </legend>
              {shown.map((b) => (
                <label
                  key={b.code}
                  className={`check business-check ${inBundle.has(b.code) ? 'in-bundle' : ''} ${filtering && b.code === current?.code ? 'filter-current' : ''}`}
                >
                  <input
                    type="checkbox"
                    checked={inBundle.has(b.code) || businesses.includes(b.code)}
                    disabled={inBundle.has(b.code)}
                    onChange={() => toggle(b.code)}
                    data-testid={`business-${b.code}`}
                  />
                  {name(b.names)}
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
      {utilities.length > 0 && (
        <div className="accounts">
          <h3>{t('intake:business.accounts')}</h3>
          <p className="hint">{t('intake:business.accountsHint')}</p>
          <div className="form-row">
            {utilities.map((code) => {
              const utility = catalogue.utilities.find((u) => u.code === code);
              return (
                <Field
                  key={code}
                  label={t('intake:business.accountOf', { utility: name(utility?.names) })}
                  value={accounts[code] ?? ''}
                  onChange={(e) => onAccount(code, e.target.value)}
                  autoComplete="off"
                  data-testid={`account-${code}`}
                />
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
