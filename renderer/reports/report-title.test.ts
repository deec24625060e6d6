import { describe, expect, it } from 'vitest';
import { pageNumberCss, reportDate, reportMonth } from './report-title.ts';

describe('a report title and its page footer', () => {
  it('says the day and month in the Chinese form, and in English', () => {
    expect(reportDate('2026-12-04', 'zh-CN')).toBe('2026年12月4日');
    expect(reportMonth('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(reportDate('2026-12-04', 'en-US')).toBe('December 4, 2026');
  });

  it('puts the page counters where the sentence has them', () => {
    expect(pageNumberCss('第 {{page}} 页 共 {{pages}} 页')).toBe(
      '@page report { @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 9pt; color: #333; } }',
    );
    expect(pageNumberCss('Page {{page}} of {{pages}}')).toContain('"Page " counter(page) " of " counter(pages);');
  });
});
