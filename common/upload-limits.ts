/**
 * What a file the managers upload may be: its kinds and its size. The page refuses a file
 * before sending it (so the manager hears why at once) and the hall checks again; both read
 * these lines, so they cannot drift apart.
 */

/** Complaint attachments are stored in the database (and its backups); the hall server takes JSON bodies up to 1 MB. */
export const ATTACHMENT_MAX_BYTES = 700 * 1024;

export const attachmentMimes = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf', 'audio/mpeg', 'audio/wav', 'text/plain'] as const;

/** A staff photo is shown small (the desk, the customer's rating screen): 200 KB is plenty. */
export const STAFF_PHOTO_MAX_BYTES = 200 * 1024;

export const staffPhotoMimes = ['image/png', 'image/jpeg', 'image/webp'] as const;
