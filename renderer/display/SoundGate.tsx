import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether the browser still holds sound back until someone touches the page. */
function soundBlocked(): boolean {
  if (navigator.userActivation?.hasBeenActive) return false;
  // Older WebViews lack it, whatever the DOM types say.
  const Context: typeof AudioContext | undefined = window.AudioContext;
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
  // What the board found when it loaded, for hall IT and the end-to-end test: 'allowed' is a browser started as docs/deploy.md says.
  const [found] = useState(blocked ? 'blocked' : 'allowed');
  const marker = <span hidden data-testid="sound-state" data-sound={found} />;
  if (!blocked) return marker;
  return (
    <div className="sound-gate">
      {marker}
      <button type="button" autoFocus onClick={() => setBlocked(false)}>
        <span className="sound-gate-title">{t('queue:display.enableSound')}</span>
        <span className="sound-gate-hint">{t('queue:display.enableSoundHint')}</span>
      </button>
    </div>
  );
}
