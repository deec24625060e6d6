import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalNames } from '../queue/names.ts';
import type { NoticeView } from '../queue/use-overview.ts';

/** The hall's notices scrolling along the bottom of the board, in the board's language. */
export function NoticeTicker({ notices }: { notices: NoticeView[] }) {
  const { t, i18n } = useTranslation();
  const { text } = useLocalNames();
  if (notices.length === 0) return null;
  // Both languages in turn along the line: the board has no language buttons.
  const english = i18n.language.startsWith('en');
  const line = notices.flatMap((n) => [text(n), ...(!english && n.textEn.trim() ? [n.textEn] : [])]).join('　　·　　');
  // The same reading speed whatever the length: about eight characters a second.
  const style: CSSProperties & { '--ticker-seconds': string } = { '--ticker-seconds': `${Math.max(15, Math.round(line.length / 8))}s` };
  return (
    <section className="ticker" aria-label={t('queue:display.notices')}>
      <div className="ticker-track" style={style} data-testid="notice-ticker">
        {line}
      </div>
    </section>
  );
}
