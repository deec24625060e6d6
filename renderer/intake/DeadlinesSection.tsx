import { useTranslation } from 'react-i18next';
import type { Preview } from '../../main/core/intake/views.ts';
import { useNames } from './names.ts';

/** When each utility's part is due, in working days on the hall's calendar, stage by stage. */
export function DeadlinesTable({ deadlines }: { deadlines: Preview['deadlines'] }) {
  const { t } = useTranslation();
  const name = useNames();
  return (
    <table className="deadline-table" data-testid="deadlines">
      <thead>
        <tr>
          <th>{t('intake:deadlines.utility')}</th>
          <th>{t('intake:deadlines.business')}</th>
          <th className="num">{t('intake:deadlines.limit')}</th>
          <th>{t('intake:deadlines.due')}</th>
          <th>{t('intake:deadlines.stages')}</th>
        </tr>
      </thead>
      <tbody>
        {deadlines.flatMap((u) =>
          u.matters.map((m, i) => (
            <tr key={`${u.utility}-${m.business}`}>
              {i === 0 && <td rowSpan={u.matters.length}>{name(u.utilityNames)}</td>}
              <td>{name(m.businessNames)}</td>
              <td className="num">{t('intake:deadlines.workingDays', { count: m.timeLimitWorkingDays })}</td>
              <td>
                <strong>{m.dueDay}</strong>
                {u.provisional && <span className="badge">{t('intake:deadlines.provisional')}</span>}
              </td>
              <td className="stages">{m.stages.map((s) => t('intake:deadlines.stage', { stage: name(s.names), day: s.dueDay })).join(' · ')}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
