import { type ChangeEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_PHOTO_MAX_BYTES, staffPhotoMimes } from '../../common/upload-limits.ts';
import { send } from '../api/client.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { StaffOptions, UtilityOptions } from '../shared/ChoiceOptions.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { useUtilities } from './use-utilities.ts';
import './ledgers.css';

/** A staff member's photo (as a data URL), loaded when shown. */
export function StaffPhoto({ staffId }: { staffId: number }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    void send('staff/photo', { id: staffId }).then((r) => {
      if (live && r.ok && r.value) setSrc(`data:${r.value.mime};base64,${r.value.dataBase64}`);
    });
    return () => {
      live = false;
    };
  }, [staffId]);
  return src ? <img className="staff-photo" src={src} alt="" /> : null;
}

/** Sets a staff member's utility and photo (the staff list shows both). */
export function StaffProfileEditor({ staff }: { staff: { id: number; name: string; workNo: string }[] }) {
  const { t } = useTranslation();
  const utilities = useUtilities();
  const profiles = useQuery('staff/profiles', {}, { refreshOn: ['staff/changed'] });
  const setUtility = useMutation('staff/setUtility');
  const setPhoto = useMutation('staff/setPhoto');
  const [staffId, setStaffId] = useState(0);
  const [tooLarge, setTooLarge] = useState(false);
  // Bumped on each upload so the shown photo is fetched again.
  const [photoVersion, setPhotoVersion] = useState(0);
  const profile = profiles.data?.find((p) => p.staffId === staffId);

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    const mime = staffPhotoMimes.find((m) => m === file?.type);
    if (!file || !mime) return;
    setTooLarge(file.size > STAFF_PHOTO_MAX_BYTES);
    if (file.size > STAFF_PHOTO_MAX_BYTES) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    if (await setPhoto.run({ id: staffId, photo: { mime, dataBase64: btoa(binary) } })) {
      setPhotoVersion((v) => v + 1);
      profiles.reload();
    }
  };

  return (
    <form className="ledger-form" aria-label={t('ledgers:staff.profile')} onSubmit={(e) => e.preventDefault()}>
      <h3>{t('ledgers:staff.profile')}</h3>
      <div className="row">
        <label>
          {t('ledgers:staff.member')}
          <select value={staffId} onChange={(e) => setStaffId(Number(e.target.value))}>
            <StaffOptions staff={staff} none="—" />
          </select>
        </label>
        <label>
          {t('ledgers:complaint.utility')}
          <select
            value={profile?.utility ?? ''}
            disabled={!staffId || setUtility.pending}
            onChange={(e) => void setUtility.run({ id: staffId, utility: e.target.value || null }).then((r) => r && profiles.reload())}
          >
            <UtilityOptions utilities={utilities} none={t('ledgers:complaint.hallItself')} />
          </select>
        </label>
        <label>
          {t('ledgers:staff.photo')}
          <input type="file" accept={staffPhotoMimes.join(',')} disabled={!staffId} onChange={(e) => void upload(e)} />
        </label>
      </div>
      {staffId > 0 && profile?.hasPhoto && (
        <div className="ledger-actions">
          <StaffPhoto key={`${staffId}-${photoVersion}`} staffId={staffId} />
          <button type="button" className="secondary" onClick={() => void setPhoto.run({ id: staffId, photo: null }).then((r) => r && profiles.reload())}>
            {t('ledgers:staff.removePhoto')}
          </button>
        </div>
      )}
      {tooLarge && (
        <div className="error-banner" role="alert">
          {t('ledgers:staff.photoTooLarge')}
        </div>
      )}
      <ErrorBanner error={setUtility.error ?? setPhoto.error} />
    </form>
  );
}
