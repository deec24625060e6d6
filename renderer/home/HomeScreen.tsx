import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Layout } from '../shared/Layout.tsx';

const screens = ['counter', 'kiosk', 'display', 'rate', 'manage'] as const;

export function HomeScreen() {
  const { t } = useTranslation();
  return (
    <Layout title={t('home.title')}>
      <nav className="home-grid" aria-label={t('home.title')}>
        {screens.map((s) => (
          <Link key={s} to={`/${s}`} className="home-tile">
            <span className="tile-title">{t(`roles.${s}`)}</span>
            <span className="tile-hint">{t(`home.${s}`)}</span>
          </Link>
        ))}
      </nav>
    </Layout>
  );
}
