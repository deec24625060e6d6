import type { PlannedAnnouncement } from './use-announcer.ts';

/** The sentences handed to the announcer; rendered, hidden, only on a test board (?test=1). */
export function AnnouncementLog({ planned }: { planned: PlannedAnnouncement[] }) {
  return (
    <ol data-testid="announcements" hidden>
      {planned.map((p) => (
        <li key={`${p.key}-${p.lang}`} data-number={p.number} data-counter={p.counterNumber} data-lang={p.lang} data-recall={p.recall}>
          {p.text}
        </li>
      ))}
    </ol>
  );
}
