import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../shared/use-api.ts';

/** The utilities of the catalogue in force, named in the user's language (the same array until either changes). */
export function useUtilities(): { code: string; name: string }[] {
  const { i18n } = useTranslation();
  const catalogue = useQuery('catalogue/current', {});
  const zh = i18n.language.startsWith('zh');
  const list = catalogue.data?.catalogue.utilities;
  return useMemo(() => (list ?? []).map((u) => ({ code: u.code, name: zh ? u.names.zh : u.names.en })), [list, zh]);
}

/** A utility's name, or its code while the catalogue loads. */
export const utilityName = (utilities: { code: string; name: string }[], code: string | null): string =>
  code === null ? '' : (utilities.find((u) => u.code === code)?.name ?? code);
