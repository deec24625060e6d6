import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import { getStaffById } from '../../../db/staff.ts';
import { getStaffPhoto, listStaffProfiles, setStaffPhoto, setStaffUtility } from '../../../db/staff-profiles.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { currentCatalogue } from '../catalogue/catalogue-store.ts';
import { staffIdOf } from '../api/caller.ts';
import type { staffProfileContract } from './profile-contract.ts';
import { STAFF_PHOTO_MAX_BYTES } from '../../../common/upload-limits.ts';

export function staffProfileHandlers(deps: CoreDeps): HandlersFor<typeof staffProfileContract> {
  const { db, clock, events } = deps;
  const profileOf = (staffId: number) => listStaffProfiles(db).find((p) => p.staffId === staffId) ?? fail('not_found', 'errors.staffNotFound');
  const existing = (id: number) => getStaffById(db, id) ?? fail('not_found', 'errors.staffNotFound');

  return {
    'staff/profiles': () => listStaffProfiles(db),

    'staff/setUtility'({ id, utility }, { caller }) {
      if (utility !== null && !currentCatalogue(db).catalogue.utilities.some((u) => u.code === utility)) {
        fail('validation', 'errors.validation', { fields: [{ path: 'utility', key: 'field.unknownUtility' }] });
      }
      const after = inTransaction(db, () => {
        existing(id);
        const before = profileOf(id);
        const now = clock.now().toISOString();
        setStaffUtility(db, id, utility, now);
        const updated = profileOf(id);
        auditChange(deps, caller, { at: now, action: 'staff.setUtility', target: `staff:${id}`, before, after: updated });
        return updated;
      });
      events.emit('staff/changed', { staffId: id }, ['manager', 'admin']);
      return after;
    },

    'staff/setPhoto'({ id, photo }, { caller }) {
      const data = photo === null ? null : Buffer.from(photo.dataBase64, 'base64');
      if (data !== null && (data.byteLength === 0 || data.byteLength > STAFF_PHOTO_MAX_BYTES)) {
        fail('too_large', 'errors.ledgers.photoTooLarge', { limitBytes: STAFF_PHOTO_MAX_BYTES });
      }
      const after = inTransaction(db, () => {
        existing(id);
        const before = getStaffPhoto(db, id);
        const now = clock.now().toISOString();
        setStaffPhoto(db, id, photo === null || data === null ? null : { mime: photo.mime, data }, now, staffIdOf(caller));
        // The audit log records that the photo changed (type and size), not the picture itself.
        auditChange(deps, caller, {
          at: now,
          action: 'staff.setPhoto',
          target: `staff:${id}`,
          before: before ? { mime: before.mime, sizeBytes: before.sizeBytes } : null,
          after: photo === null || data === null ? null : { mime: photo.mime, sizeBytes: data.byteLength },
        });
        return profileOf(id);
      });
      events.emit('staff/changed', { staffId: id }, ['manager', 'admin']);
      return after;
    },

    'staff/photo'({ id }) {
      const photo = getStaffPhoto(db, id);
      return photo ? { mime: photo.mime, dataBase64: photo.data.toString('base64') } : null;
    },
  };
}
