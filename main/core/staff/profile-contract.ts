import { z } from 'zod';
import { STAFF_PHOTO_MAX_BYTES, staffPhotoMimes } from '../../../common/upload-limits.ts';
import { defineMethods } from '../api/method.ts';
import { managers } from '../api/roles.ts';

const photoMime = z.enum(staffPhotoMimes);
const id = z.number().int().positive();

/** What the staff list does not carry: each member's utility and photo (migration 0006). */
export const staffProfileContract = defineMethods({
  'staff/profiles': {
    summary: "Each staff member's utility and whether a photo is on file.",
    roles: managers,
    input: z.object({}),
    output: z.array(z.object({ staffId: z.number().int(), utility: z.string().nullable(), hasPhoto: z.boolean() })),
  },
  'staff/setUtility': {
    summary: 'Sets the utility a staff member belongs to (null: the hall itself); audited.',
    roles: managers,
    input: z.object({
      id,
      utility: z
        .string()
        .trim()
        .regex(/^[a-z][A-Za-z0-9]{1,31}$/, { message: 'field.codeFormat' })
        .nullable(),
    }),
    output: z.object({ staffId: z.number().int(), utility: z.string().nullable(), hasPhoto: z.boolean() }),
  },
  'staff/setPhoto': {
    summary: "Sets (or with null removes) a staff member's photo, at most 200 KB; audited.",
    roles: managers,
    input: z.object({
      id,
      photo: z
        .object({
          mime: photoMime,
          dataBase64: z
            .string()
            .min(1)
            .max(Math.ceil((STAFF_PHOTO_MAX_BYTES * 4) / 3) + 4),
        })
        .nullable(),
    }),
    output: z.object({ staffId: z.number().int(), utility: z.string().nullable(), hasPhoto: z.boolean() }),
  },
  'staff/photo': {
    summary: "A staff member's photo, or null.",
    roles: managers,
    input: z.object({ id }),
    output: z.object({ mime: photoMime, dataBase64: z.string() }).nullable(),
  },
});
