import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Announcer, createAnnouncer } from './announcer.ts';
import { type CallAnnouncement, parseVoiceTemplates, planAnnouncement, type VoiceLanguage } from './voice-plan.ts';

/** The board speaks every call in Chinese, then in English. */
export const boardLanguages: readonly VoiceLanguage[] = ['zh-CN', 'en-US'];

/** What was handed to the announcer, as the words it plans to say; kept only for the end-to-end test. */
export type PlannedAnnouncement = { key: number; number: string; counterNumber: number; recall: boolean; lang: VoiceLanguage; text: string };

/**
 * The board's announcer for as long as the board is shown. `log` is true on a test
 * board (?test=1): each announcement's planned sentences are then kept for the page.
 */
export function useAnnouncer(log: boolean) {
  const { i18n } = useTranslation();
  const announcer = useRef<Announcer>(undefined);
  const [planned, setPlanned] = useState<PlannedAnnouncement[]>([]);
  const templates = useCallback((lang: VoiceLanguage) => parseVoiceTemplates(i18n.getResourceBundle(lang, 'voice')), [i18n]);

  useEffect(() => {
    const created = createAnnouncer({ clipBaseUrl: '/voice', languages: () => boardLanguages, templates });
    announcer.current = created;
    return () => {
      created.dispose();
      announcer.current = undefined;
    };
  }, [templates]);

  const announce = useCallback(
    (call: CallAnnouncement & { eventId: number }) => {
      announcer.current?.announce({ number: call.number, counterNumber: call.counterNumber, recall: call.recall });
      if (!log) return;
      const lines = boardLanguages.map((lang) => ({ key: call.eventId, ...call, lang, text: planAnnouncement(call, lang, templates(lang)).text }));
      setPlanned((p) => [...p, ...lines].slice(-100));
    },
    [log, templates],
  );
  return { announce, planned };
}
