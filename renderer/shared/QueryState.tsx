import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/core/api/errors.ts';
import { ErrorBanner } from './errors.tsx';
import type { Query } from './use-api.ts';

/** What a list, table or figure is showing while its data is not simply there. */
export type LoadState = 'loading' | 'failed' | 'empty' | 'ready';

/**
 * The one rule for every screen: failed wins (a clerk must see why and be able to retry),
 * then loading while nothing has arrived yet (never "暂无数据" before the answer), then empty.
 * A reload over data already shown keeps the data (no flicker on every pushed event).
 */
export function loadStateOf(state: { loading: boolean; error: ApiError | undefined; hasData: boolean; empty: boolean }): LoadState {
  if (state.error) return 'failed';
  if (!state.hasData) return state.loading ? 'loading' : 'empty';
  return state.empty ? 'empty' : 'ready';
}

/** 正在加载…, with a spinner; announced politely to screen readers. */
export function LoadingState() {
  const { t } = useTranslation();
  return (
    <p className="load-state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('load.loading')}
    </p>
  );
}

/** 暂无数据, or the page's own sentence for nothing here (今天还没有叫号). */
export function EmptyState({ text }: { text?: string }) {
  const { t } = useTranslation();
  return <p className="load-state empty">{text ?? t('load.empty')}</p>;
}

/** The translated error and 重试. */
export function FailedState({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="load-state failed">
      <ErrorBanner error={error} />
      <button type="button" className="secondary" onClick={onRetry}>
        {t('load.retry')}
      </button>
    </div>
  );
}

/**
 * A query's three states around what its data shows: loading, failed with 重试, empty
 * (when `isEmpty` says so), else the children with the data. Data already shown stays
 * under a failed reload, so the retry is offered without losing what was on screen.
 */
export function QueryState<T>({
  query,
  children,
  isEmpty,
  emptyText,
}: {
  query: Query<T>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
}) {
  const { data } = query;
  const state = loadStateOf({
    loading: query.loading,
    error: query.error,
    hasData: data !== undefined,
    empty: data !== undefined && (isEmpty?.(data) ?? false),
  });
  if (state === 'failed' && query.error) {
    return (
      <>
        <FailedState error={query.error} onRetry={query.reload} />
        {data !== undefined && children(data)}
      </>
    );
  }
  if (state === 'loading') return <LoadingState />;
  if (state === 'empty' || data === undefined) return <EmptyState text={emptyText} />;
  return <>{children(data)}</>;
}
