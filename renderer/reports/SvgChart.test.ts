import { describe, expect, it } from 'vitest';
import { barOption, CHART_FONT_PX } from './SvgChart.tsx';

/** Every fontSize anywhere in an option. */
function fontSizes(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(fontSizes);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, v]) => (key === 'fontSize' && typeof v === 'number' ? [v] : fontSizes(v)));
  return [];
}

describe('report charts readable on screen and paper', () => {
  const option = barOption({
    categories: Array.from({ length: 11 }, (_, i) => `${i + 8}时`),
    series: [
      { name: '取号', data: Array.from({ length: 11 }, () => 3) },
      { name: '办结', data: Array.from({ length: 11 }, () => 2) },
    ],
    line: { value: 90, label: '90%' },
  });

  it('has no label under 12 px', () => {
    const sizes = fontSizes(option);
    expect(sizes.length).toBeGreaterThan(4);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(CHART_FONT_PX);
  });

  it('keeps the legend above the plot and turns a crowded axis', () => {
    const grid = option.grid as { top: number; containLabel: boolean };
    const legend = option.legend as { top: number; textStyle: { fontSize: number } };
    expect(grid.top).toBeGreaterThanOrEqual(legend.top + legend.textStyle.fontSize * 2);
    expect(grid.containLabel).toBe(true);
    expect((option.xAxis as { axisLabel: { rotate: number } }).axisLabel.rotate).toBeGreaterThan(0);
  });
});
