import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UtilityOptions } from '../shared/ChoiceOptions.tsx';
import { ErrorBanner } from '../shared/errors.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { useUtilities, utilityName } from './use-utilities.ts';

const businessKinds = [
  'newConnection',
  'transfer',
  'rename',
  'suspend',
  'resume',
  'closeAccount',
  'repair',
  'meterTest',
  'dataChange',
  'invoice',
  'paymentEnquiry',
  'cardMeterReplacement',
] as const;
type BusinessKind = (typeof businessKinds)[number];

/** "Gas · any customer · new connection · 100%": a rule in words. */
export function useRuleLabel(): (ruleId: number) => string {
  const { t } = useTranslation();
  const rules = useQuery('followups/rules', {}, { refreshOn: ['followups/changed'] });
  const utilities = useUtilities();
  return (ruleId) => {
    const rule = rules.data?.find((r) => r.id === ruleId);
    if (!rule) return `#${ruleId}`;
    return [
      rule.utility ? utilityName(utilities, rule.utility) : t('ledgers:rule.anyUtility'),
      rule.customerKind ? t(`ledgers:customerKind.${rule.customerKind}`) : t('ledgers:rule.anyCustomer'),
      rule.businessKind ? t(`ledgers:businessKind.${rule.businessKind}`) : t('ledgers:rule.anyBusiness'),
      `${rule.percent}%`,
    ].join(' · ');
  };
}

/** The sampling rules, per utility, customer kind and business kind; defaults from the seeds. */
export function FollowUpRules({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const rules = useQuery('followups/rules', {}, { refreshOn: ['followups/changed'] });
  const save = useMutation('followups/saveRule');
  const utilities = useUtilities();
  const label = useRuleLabel();
  const [form, setForm] = useState({ utility: '', customerKind: '', businessKind: '', percent: 100 });

  const toggle = (id: number) => {
    const rule = rules.data?.find((r) => r.id === id);
    if (rule)
      void save
        .run({ ...rule, active: !rule.active, businessKind: businessKinds.find((k) => k === rule.businessKind) ?? null })
        .then((r) => r && (rules.reload(), onSaved()));
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await save.run({
      utility: form.utility || null,
      customerKind: form.customerKind === 'person' || form.customerKind === 'enterprise' ? form.customerKind : null,
      businessKind: businessKinds.find((k): k is BusinessKind => k === form.businessKind) ?? null,
      percent: form.percent,
      active: true,
    });
    if (saved) {
      rules.reload();
      onSaved();
    }
  };

  return (
    <section className="card" aria-labelledby="followup-rules-title">
      <h2 id="followup-rules-title">{t('ledgers:rule.title')}</h2>
      <ul>
        {(rules.data ?? []).map((r) => (
          <li key={r.id} className="ledger-actions">
            <span>{label(r.id)}</span>
            {!r.active && <strong>{t('ledgers:rule.inactive')}</strong>}
            <span className="hint">{t(`ledgers:rule.source.${r.source}`)}</span>
            <button type="button" className="secondary" onClick={() => toggle(r.id)}>
              {t(r.active ? 'ledgers:rule.deactivate' : 'ledgers:rule.activate')}
            </button>
          </li>
        ))}
      </ul>
      <form className="ledger-form" onSubmit={(e) => void add(e)} aria-label={t('ledgers:rule.add')}>
        <div className="row">
          <label>
            {t('ledgers:complaint.utility')}
            <select value={form.utility} onChange={(e) => setForm({ ...form, utility: e.target.value })}>
              <UtilityOptions utilities={utilities} none={t('ledgers:rule.anyUtility')} />
            </select>
          </label>
          <label>
            {t('ledgers:followUp.customerKind')}
            <select value={form.customerKind} onChange={(e) => setForm({ ...form, customerKind: e.target.value })}>
              <option value="">{t('ledgers:rule.anyCustomer')}</option>
              <option value="person">{t('ledgers:customerKind.person')}</option>
              <option value="enterprise">{t('ledgers:customerKind.enterprise')}</option>
            </select>
          </label>
          <label>
            {t('ledgers:rule.businessKind')}
            <select value={form.businessKind} onChange={(e) => setForm({ ...form, businessKind: e.target.value })}>
              <option value="">{t('ledgers:rule.anyBusiness')}</option>
              {businessKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`ledgers:businessKind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('ledgers:rule.percent')}
            <input type="number" min={1} max={100} value={form.percent} onChange={(e) => setForm({ ...form, percent: Number(e.target.value) })} />
          </label>
        </div>
        <ErrorBanner error={save.error} />
        <div className="ledger-actions">
          <button type="submit" className="secondary" disabled={save.pending}>
            {t('ledgers:rule.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
