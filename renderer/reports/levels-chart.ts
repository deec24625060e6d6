import type { TFunction } from 'i18next';
import { barOption, chartColors, type ChartOption } from './SvgChart.tsx';

/** 非常满意 (level 1) in green to 非常不满意 (level 5) in red, the same on the live page and in the reports. */
const levelColors = [chartColors.done, '#4f9d69', '#9aa94a', '#e08a1e', chartColors.alarm];

/** Ratings per level as bars, each level in its own colour. */
export function levelsChartOption(byLevel: readonly { level: number; count: number }[], t: TFunction): ChartOption {
  return barOption({
    categories: byLevel.map((l) => t(`reports:level.${l.level}`)),
    series: [{ name: t('reports:col.count'), data: byLevel.map((l) => l.count), colors: levelColors }],
  });
}
