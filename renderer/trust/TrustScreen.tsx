import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../shared/errors.tsx';
import { formatHallDateTime } from '../shared/hall-clock.ts';
import { Layout } from '../shared/Layout.tsx';
import { useQuery } from '../shared/use-api.ts';

// Where the steps differ: Windows keeps its own store; 统信 UOS and 麒麟 browsers are Chromium's,
// which reads the system store or its own, set from its settings page.
const systems = ['windows', 'uos', 'firefox'] as const;

/**
 * /trust: how a PC comes to trust the hall. Reached over HTTPS before the hall's CA is trusted
 * (the browser warns once), so the fingerprint to compare is shown here AND on the hall's
 * console and the manager's devices page: the download alone proves nothing.
 */
export function TrustScreen() {
  const { t, i18n } = useTranslation();
  const certificate = useQuery('hall/certificate', {}, { scope: 'kiosk' });
  const c = certificate.data;
  return (
    <Layout title={t('trust.title')}>
      <section className="card" aria-labelledby="trust-title">
        <h2 id="trust-title">{t('trust.title')}</h2>
        <ErrorBanner error={certificate.error} />
        {certificate.loading && !c && <p role="status">{t('trust.loading')}</p>}
        {c && !c.https && <p role="alert">{t('trust.plain')}</p>}
        {c?.https && (
          <>
            <p>{t('trust.intro')}</p>
            <p>
              <a className="button primary" href="/hall-ca.crt" download="onewindow-hall-ca.crt">
                {t('trust.download')}
              </a>
            </p>
            <dl className="facts">
              <dt>{t('trust.sha256')}</dt>
              <dd className="fingerprint" data-testid="ca-fingerprint">
                {c.caFingerprint}
              </dd>
              <dt>{t('trust.sha1')}</dt>
              <dd className="fingerprint">{c.caThumbprint}</dd>
              <dt>{t('trust.validUntil')}</dt>
              <dd>{formatHallDateTime(c.validUntil, i18n.language)}</dd>
            </dl>
            <p>{t('trust.compare')}</p>
            {systems.map((system) => (
              <section key={system} aria-labelledby={`trust-${system}`}>
                <h3 id={`trust-${system}`}>{t(`trust.${system}.title`)}</h3>
                <ol>
                  {t(`trust.${system}.steps`)
                    .split('\n')
                    .map((step) => (
                      <li key={step}>{step}</li>
                    ))}
                </ol>
              </section>
            ))}
          </>
        )}
      </section>
    </Layout>
  );
}
