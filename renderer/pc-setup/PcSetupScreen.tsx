import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/core/api/errors.ts';
import type { PcDisplay, PcSetupChoice, PcSetupState, ProbedHallView } from '../../main/electron/pc-setup-contract.ts';
import type { Role } from '../../main/electron/settings.ts';
import { bridge } from '../api/bridge.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { Layout } from '../shared/Layout.tsx';
import { AdminCheck } from './AdminCheck.tsx';
import { HallStep } from './HallStep.tsx';
import { StepActions } from './StepActions.tsx';
import './pc-setup.css';

const roleOrder: readonly Role[] = ['hallServer', 'counter', 'kiosk', 'board', 'managerDesk'];

type Step = 'role' | 'hall' | 'details' | 'saved';

/**
 * /pc-setup in the desktop app: what this PC is in the hall. The first start of a new PC
 * (hall IT installing it), and later the same page behind an administrator's sign-in.
 * Role → for screens of a hall elsewhere, the hall and its certificate → the role's details
 * (window number, displays) → saved, and the app restarts into the role; pairing with the
 * six-digit code then happens on the role's own screen.
 */
export function PcSetupScreen() {
  const { t } = useTranslation();
  const pcSetup = bridge()?.pcSetup;
  const [state, setState] = useState<PcSetupState>();
  const [verified, setVerified] = useState(false);
  const [step, setStep] = useState<Step>('role');
  const [role, setRole] = useState<Role>('counter');
  const [hall, setHall] = useState<ProbedHallView>();

  useEffect(() => {
    if (!pcSetup) return;
    void pcSetup.state().then((s) => {
      setState(s);
      if (s.current) setRole(s.current.role);
    });
  }, [pcSetup]);

  if (!pcSetup) {
    return (
      <Layout title={t('pcSetup:title')} className="pc-setup">
        <p className="card narrow" role="alert">
          {t('pcSetup:desktopOnly')}
        </p>
      </Layout>
    );
  }
  if (!state)
    return (
      <Layout title={t('pcSetup:title')} className="pc-setup">
        {null}
      </Layout>
    );
  if (state.adminNeeded && !verified) {
    return (
      <Layout title={t('pcSetup:title')} className="pc-setup">
        <AdminCheck bridge={pcSetup} onVerified={() => setVerified(true)} />
      </Layout>
    );
  }

  return (
    <Layout title={t('pcSetup:title')} className="pc-setup">
      {step === 'role' && (
        <form
          className="card narrow"
          aria-labelledby="pc-role-title"
          onSubmit={(e) => {
            e.preventDefault();
            setStep(role === 'hallServer' ? 'details' : 'hall');
          }}
        >
          <h1 id="pc-role-title">{state.current ? t('pcSetup:role.changeTitle') : t('pcSetup:role.title')}</h1>
          {state.brokenKept && <p role="alert">{t('pcSetup:role.brokenKept')}</p>}
          {state.current && <p className="hint">{t('pcSetup:role.currently', { role: t(`pcSetup:roles.${state.current.role}.name`) })}</p>}
          <fieldset className="choices">
            <legend>{t('pcSetup:role.legend')}</legend>
            {roleOrder.map((r) => (
              <label key={r} className="choice">
                <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
                <span>
                  <strong>{t(`pcSetup:roles.${r}.name`)}</strong>
                  <span className="hint">{t(`pcSetup:roles.${r}.hint`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary">
            {t('pcSetup:next')}
          </button>
        </form>
      )}
      {step === 'hall' && (
        <HallStep
          bridge={pcSetup}
          initialUrl={hall?.url ?? state.current?.hallUrl ?? ''}
          onBack={() => setStep('role')}
          onConfirmed={(h) => {
            setHall(h);
            setStep('details');
          }}
        />
      )}
      {step === 'details' && (
        <Details role={role} hall={hall} state={state} onBack={() => setStep(role === 'hallServer' ? 'role' : 'hall')} onSaved={() => setStep('saved')} />
      )}
      {step === 'saved' && (
        <p className="card narrow" role="status">
          {t('pcSetup:saved')}
        </p>
      )}
    </Layout>
  );
}

/** The role's own details, then save. */
function Details({
  role,
  hall,
  state,
  onBack,
  onSaved,
}: {
  role: Role;
  hall: ProbedHallView | undefined;
  state: PcSetupState;
  onBack: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const pcSetup = bridge()?.pcSetup;
  const [counter, setCounter] = useState(state.current?.counter ? String(state.current.counter) : '');
  const [lan, setLan] = useState(true);
  const others = state.displays.filter((d) => !d.primary);
  // The customer screen goes on a display that is not the clerk's; the board on any.
  const [customer, setCustomer] = useState<string>(others[0] ? String(others[0].id) : 'none');
  const [boardDisplay, setBoardDisplay] = useState<string>(String(state.displays.find((d) => d.primary)?.id ?? ''));
  const [error, setError] = useState<ApiError>();
  const [pending, setPending] = useState(false);
  const counterInvalid = counter !== '' && !/^[1-9]\d{0,3}$/.test(counter);

  const customerDisplay = customer === 'none' ? null : Number(customer);
  const choice = (): PcSetupChoice | undefined => {
    if (role === 'hallServer') return { role, lan, customerDisplay };
    if (!hall) return undefined;
    if (role === 'counter') return { role, hallUrl: hall.url, counter: counter ? Number(counter) : undefined, customerDisplay };
    if (role === 'board') return { role, hallUrl: hall.url, display: boardDisplay ? Number(boardDisplay) : undefined };
    return { role, hallUrl: hall.url };
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = choice();
    if (!pcSetup || !chosen || counterInvalid) return;
    setPending(true);
    const result = await pcSetup.save(chosen);
    setPending(false);
    if (result.ok) onSaved();
    else setError(result.error);
  };

  const displaySelect = (label: string, value: string, onChange: (v: string) => void, list: PcDisplay[], withNone: boolean) => (
    <div className="field">
      <label>
        {label}
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          {withNone && <option value="none">{t('pcSetup:details.none')}</option>}
          {list.map((d) => (
            <option key={d.id} value={String(d.id)}>
              {d.primary
                ? t('pcSetup:details.displayPrimary', { n: state.displays.indexOf(d) + 1, width: d.width, height: d.height })
                : t('pcSetup:details.display', { n: state.displays.indexOf(d) + 1, width: d.width, height: d.height })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );

  return (
    <form className="card narrow" onSubmit={(e) => void save(e)} aria-labelledby="pc-details-title">
      <h1 id="pc-details-title">{t(`pcSetup:roles.${role}.name`)}</h1>
      {hall && <p className="hint">{t('pcSetup:compare.address', { url: hall.url })}</p>}
      {role === 'hallServer' && (
        <label className="choice">
          <input type="checkbox" checked={lan} onChange={(e) => setLan(e.target.checked)} />
          <span>{t('pcSetup:details.lan')}</span>
        </label>
      )}
      {role === 'counter' && (
        <Field
          label={t('pcSetup:details.counter')}
          value={counter}
          onChange={(e) => setCounter(e.target.value)}
          inputMode="numeric"
          error={counterInvalid ? t('pcSetup:details.counterInvalid') : undefined}
        />
      )}
      {(role === 'counter' || role === 'hallServer') && displaySelect(t('pcSetup:details.customerDisplay'), customer, setCustomer, others, true)}
      {role === 'board' && displaySelect(t('pcSetup:details.boardDisplay'), boardDisplay, setBoardDisplay, state.displays, false)}
      {role !== 'hallServer' && <p className="hint">{t('pcSetup:details.pairingNext')}</p>}
      <ErrorBanner error={error} />
      <StepActions submitText={t('pcSetup:details.save')} disabled={pending || counterInvalid} onBack={onBack} />
    </form>
  );
}
