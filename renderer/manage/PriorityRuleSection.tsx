import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldError } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { SettingsFormFooter } from './FormFooters.tsx';
import { useSettingsSave } from './use-settings-save.ts';

type Rule = { priorityBurst: number; maxWaitMinutes: number };

/** How the green channel goes first without starving everyone else. */
export function PriorityRuleSection({ rule, onSaved }: { rule: Rule | undefined; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSettingsSave('queue/setRule', onSaved);
  const fieldError = useFieldError(save.error);
  const [form, setForm] = useState({ priorityBurst: '', maxWaitMinutes: '' });
  // The saved numbers, not the rule object: a reload with the same values keeps the edit.
  const savedBurst = rule?.priorityBurst;
  const savedMaxWait = rule?.maxWaitMinutes;
  useEffect(() => {
    if (savedBurst !== undefined && savedMaxWait !== undefined) setForm({ priorityBurst: String(savedBurst), maxWaitMinutes: String(savedMaxWait) });
  }, [savedBurst, savedMaxWait]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.submit({ priorityBurst: Number(form.priorityBurst), maxWaitMinutes: Number(form.maxWaitMinutes) });
  };

  return (
    <section className="card" aria-labelledby="rule-title">
      <h2 id="rule-title">{t('queue:manage.rule')}</h2>
      <form className="inline-form wide" noValidate onSubmit={submit} aria-label={t('queue:manage.rule')}>
        <div className="form-row">
          <Field
            label={t('queue:manage.priorityBurst')}
            type="number"
            min={0}
            max={20}
            value={form.priorityBurst}
            onChange={(e) => setForm({ ...form, priorityBurst: e.target.value })}
            error={fieldError('priorityBurst')}
          />
          <Field
            label={t('queue:manage.maxWaitMinutes')}
            type="number"
            min={5}
            max={240}
            value={form.maxWaitMinutes}
            onChange={(e) => setForm({ ...form, maxWaitMinutes: e.target.value })}
            error={fieldError('maxWaitMinutes')}
          />
        </div>
        <p className="hint">{t('queue:manage.ruleHint')}</p>
        <SettingsFormFooter error={save.error} pending={save.pending} savedText={save.saved ? t('queue:manage.ruleSaved') : undefined} />
      </form>
    </section>
  );
}
