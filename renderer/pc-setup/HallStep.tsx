import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/core/api/errors.ts';
import type { FoundHallView, PcSetupBridge, ProbedHallView } from '../../main/electron/pc-setup-contract.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { StepActions } from './StepActions.tsx';

/**
 * The hall this PC belongs to: typed, or picked from those announcing themselves on the LAN;
 * then reached WITHOUT trusting it, its certificate authority's fingerprint shown to compare
 * with the hall server's console or the manager's 设备 page, and trusted only once confirmed.
 */
export function HallStep({
  bridge,
  initialUrl,
  onConfirmed,
  onBack,
}: {
  bridge: PcSetupBridge;
  initialUrl: string;
  onConfirmed: (hall: ProbedHallView) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [address, setAddress] = useState(initialUrl);
  const [found, setFound] = useState<FoundHallView[]>();
  const [searching, setSearching] = useState(false);
  const [probing, setProbing] = useState(false);
  const [probed, setProbed] = useState<ProbedHallView>();
  const [error, setError] = useState<ApiError>();

  const search = async () => {
    setSearching(true);
    setFound(await bridge.discover());
    setSearching(false);
  };

  const connect = async (e?: FormEvent, url = address) => {
    e?.preventDefault();
    setProbed(undefined);
    setError(undefined);
    setProbing(true);
    const result = await bridge.probe(url);
    setProbing(false);
    if (result.ok) setProbed(result.value);
    else setError(result.error);
  };

  if (probed) {
    return (
      <section className="card narrow" aria-labelledby="pc-compare-title">
        <h1 id="pc-compare-title">{t('pcSetup:compare.title')}</h1>
        <p>{t('pcSetup:compare.address', { url: probed.url })}</p>
        {probed.fingerprint ? (
          <>
            <p>{t('pcSetup:compare.hint')}</p>
            <dl className="facts">
              <dt>{t('trust.sha256')}</dt>
              <dd className="fingerprint" data-testid="pc-setup-fingerprint">
                {probed.fingerprint}
              </dd>
              {probed.thumbprint && (
                <>
                  <dt>{t('trust.sha1')}</dt>
                  <dd className="fingerprint">{probed.thumbprint}</dd>
                </>
              )}
            </dl>
          </>
        ) : (
          <p>{probed.https ? t('pcSetup:compare.operatorCertificate') : t('pcSetup:compare.thisPc')}</p>
        )}
        <div className="actions">
          <button type="button" className="primary" onClick={() => onConfirmed(probed)}>
            {probed.fingerprint ? t('pcSetup:compare.same') : t('pcSetup:next')}
          </button>
          <button type="button" onClick={() => setProbed(undefined)}>
            {t('pcSetup:compare.different')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form className="card narrow" onSubmit={(e) => void connect(e)} aria-labelledby="pc-hall-title">
      <h1 id="pc-hall-title">{t('pcSetup:hall.title')}</h1>
      <p className="hint">{t('pcSetup:hall.hint')}</p>
      <Field
        label={t('pcSetup:hall.address')}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        placeholder={t('pcSetup:hall.example')}
        inputMode="url"
        autoFocus
      />
      <button type="button" onClick={() => void search()} disabled={searching}>
        {searching ? t('pcSetup:hall.searching') : t('pcSetup:hall.search')}
      </button>
      {found && found.length === 0 && <p role="status">{t('pcSetup:hall.noneFound')}</p>}
      {found && found.length > 0 && (
        <ul className="plain-list" aria-label={t('pcSetup:hall.found')}>
          {found.map((hall) => (
            <li key={hall.url}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  setAddress(hall.url);
                  void connect(undefined, hall.url);
                }}
              >
                {t('pcSetup:hall.foundHall', { name: hall.name, url: hall.url })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorBanner error={error} />
      <StepActions submitText={probing ? t('pcSetup:hall.connecting') : t('pcSetup:hall.connect')} disabled={probing || !address.trim()} onBack={onBack} />
    </form>
  );
}
