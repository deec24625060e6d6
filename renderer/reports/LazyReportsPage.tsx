import { lazy, Suspense } from 'react';

// The reports bring ECharts; loaded on first visit so the kiosk, board and counter screens never download it.
const Page = lazy(() => import('./ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));

export function LazyReportsPage() {
  return (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  );
}
