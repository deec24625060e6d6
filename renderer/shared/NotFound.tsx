import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Layout } from './Layout.tsx';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Layout title={t('notFound.title')}>
      <div className="card narrow">
        <p>{t('notFound.body')}</p>
        <Link to="/">{t('notFound.home')}</Link>
      </div>
    </Layout>
  );
}
