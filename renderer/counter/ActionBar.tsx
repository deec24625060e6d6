import { useTranslation } from 'react-i18next';

export type CounterAction = { id: string; key?: string; label: string; enabled: boolean; run: () => void; tone?: 'primary' | 'danger' };

/** The counter's buttons, each with its function key shown, in the order of a service. */
export function ActionBar({ actions }: { actions: readonly CounterAction[] }) {
  const { t } = useTranslation();
  return (
    <div className="action-bar" role="toolbar" aria-label={t('queue:counter.actions')}>
      {actions.map((a) => (
        <button
          key={a.id}
          type="button"
          className={`action ${a.tone ?? ''}`}
          disabled={!a.enabled}
          onClick={a.run}
          aria-keyshortcuts={a.key}
          data-testid={`action-${a.id}`}
        >
          {a.key && <kbd>{a.key}</kbd>}
          <span>{a.label}</span>
        </button>
      ))}
    </div>
  );
}
