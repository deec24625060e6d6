import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinProfiles } from '../../../common/rating-profile/builtin-profiles.ts';
import { parseRatingProfile, type RatingProfile } from '../../../common/rating-profile/profile.ts';

/** Reads and checks one profile file; the error names the file and every problem in it. */
export function loadProfileFile(file: string): RatingProfile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read rating device profile ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return parseRatingProfile(json, file);
}

/** Every *.json profile in a folder, sorted by file name. */
export function loadProfileFolder(folder: string): RatingProfile[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => loadProfileFile(join(folder, file)));
}

/**
 * The built-in profiles plus those in the given folders, by name. Two profiles with one
 * name is an error rather than a silent override: a hall must know which one it runs.
 */
export function profileLibrary(folders: readonly string[] = []): ReadonlyMap<string, RatingProfile> {
  const library = new Map<string, RatingProfile>();
  for (const profile of [...builtinProfiles, ...folders.flatMap(loadProfileFolder)]) {
    if (library.has(profile.name)) throw new Error(`two rating device profiles are named "${profile.name}"; rename one (the "name" field)`);
    library.set(profile.name, profile);
  }
  return library;
}
