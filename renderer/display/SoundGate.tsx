import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether the browser still holds sound back until someone touches the page. */
function soundBlocked(): boolean {
  if (navigator.userActivation?.hasBeenActive) return false;
  const Context = window.AudioContext as typeof AudioContext | undefined;
  if (!Context) return false;
  const probe = new Context();
  const blocked = probe.state === 'suspended';
  void probe.close();
  return blocked;
}

/**
 * Browsers play no sound before a first click on the page. A board that starts blocked
 * asks once; the click itself unlocks audio and speech for as long as the page is open.
 */
export function SoundGate() {
  const { t } = useTranslation();
  const [blocked, setBlocked] = useState(soundBlocked);
  if (!blocked) return null;
  return (
    <div className="sound-gate">
      <button type="button" autoFocus onClick={() => setBlocked(false)}>
        <span className="sound-gate-title">{t('queue:display.enableSound')}</span>
        <span className="sound-gate-hint">{t('queue:display.enableSoundHint')}</span>
      </button>
    </div>
  );
}
