import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../shared/use-api.ts';

/**
 * The counter's way to the lists, with how many deadlines are due or past and how many
 * deferred materials to chase, so a clerk sees the reminders without opening them.
 */
export function ListsLink() {
  const { t } = useTranslation();
  const due = useQuery('intake/overdue', { warnBeforeWorkingDays: 1, limit: 1000 }, { refreshOn: ['intake/submitted', 'intake/workOrderChanged'] });
  const deferred = useQuery(
    'intake/deferredLedger',
    { which: 'outstanding', remindBeforeWorkingDays: 1, page: 1, pageSize: 200 },
    { refreshOn: ['intake/submitted'] },
  );
  const dueCount = due.data?.items.length ?? 0;
  const chase = deferred.data?.rows.filter((r) => r.overdue || r.remind).length ?? 0;
  return (
    <Link to="/lists" target="_blank" className="tab lists-link">
      {t('worklists:nav.search')}
      {dueCount > 0 && (
        <span className="badge" title={t('worklists:due.title')}>
          {t('worklists:badge.due', { count: dueCount })}
        </span>
      )}
      {chase > 0 && (
        <span className="badge" title={t('worklists:deferred.title')}>
          {t('worklists:badge.deferred', { count: chase })}
        </span>
      )}
    </Link>
  );
}
