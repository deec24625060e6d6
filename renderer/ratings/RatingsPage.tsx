import { useTranslation } from 'react-i18next';
import { FiguresSection } from './FiguresSection.tsx';
import { RatingDevicesSection } from './RatingDevicesSection.tsx';
import { RectificationsSection } from './RectificationsSection.tsx';
import './ratings.css';

/** The manager's 好差评 page (/manage/ratings): figures against the 90% line, rectification tasks, devices and deadlines. */
export function RatingsPage() {
  const { t } = useTranslation();
  return (
    <div className="ratings-page">
      <h1>{t('ratings:page.title')}</h1>
      <FiguresSection />
      <RectificationsSection />
      <RatingDevicesSection />
    </div>
  );
}
