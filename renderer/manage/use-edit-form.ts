import { type FormEvent, useState } from 'react';
import type { InputOf, OutputOf } from '../../main/core/api/method.ts';
import type { Contract, MethodName } from '../../main/core/contract.ts';
import { useFieldError } from '../shared/errors.tsx';
import { useMutation } from '../shared/use-api.ts';

type Editable = { id?: number };

/** The id a save sends: the row's when the form edits one, none when it adds. */
export const idOf = (form: Editable): { id: number } | Record<never, never> => (form.id === undefined ? {} : { id: form.id });

/**
 * An add-or-edit dialog of the manager's lists (categories, counters, notices): the form as
 * typed, the save that `input` turns it into, and the field errors the save answered.
 */
export function useEditForm<K extends MethodName, F extends Editable>(
  method: K,
  initial: F,
  input: (form: F) => InputOf<Contract[K]>,
  onSaved: (saved: OutputOf<Contract[K]>) => void,
) {
  const save = useMutation(method);
  const fieldError = useFieldError(save.error);
  const [form, setForm] = useState<F>(initial);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await save.run(input(form));
    if (result) onSaved(result);
  };
  return { form, setForm, save, fieldError, submit };
}
