import { useState } from 'react';
import type { InputOf } from '../../main/core/api/method.ts';
import type { Contract, MethodName } from '../../main/core/contract.ts';
import { useMutation } from '../shared/use-api.ts';

/**
 * Saving a settings form in place: "saved" shows only after the hall took the latest Save
 * (a new Save clears it first), and the page reloads what depends on it.
 */
export function useSettingsSave<K extends MethodName>(name: K, onSaved: () => void) {
  const save = useMutation(name);
  const [saved, setSaved] = useState(false);
  const submit = async (input: InputOf<Contract[K]>) => {
    setSaved(false);
    if (await save.run(input)) {
      setSaved(true);
      onSaved();
    }
  };
  return { error: save.error, pending: save.pending, saved, submit };
}
