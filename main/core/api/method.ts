import type { z } from 'zod';
import type { Role } from './roles.ts';

/** One API method, declared once: its input schema, its output schema and who may call it. */
export type MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  input: I;
  output: O;
  roles: readonly Role[];
  /** One line for the OpenAPI document. */
  summary: string;
};

export type ContractShape = Record<string, MethodSpec>;

export type InputOf<M extends MethodSpec> = z.input<M['input']>;
export type ParsedInputOf<M extends MethodSpec> = z.output<M['input']>;
export type OutputOf<M extends MethodSpec> = z.output<M['output']>;

/** A domain declares its methods with this so names and schemas are checked together. */
export function defineMethods<const C extends ContractShape>(methods: C): C {
  for (const name of Object.keys(methods)) {
    if (!/^[a-z][a-zA-Z]*\/[a-z][a-zA-Z]*$/.test(name)) throw new Error(`method name "${name}" is not domain/verb`);
  }
  return methods;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Joins the domains' contracts into one; a name declared twice is a programming error. */
export function mergeContracts<const Cs extends readonly ContractShape[]>(...contracts: Cs): UnionToIntersection<Cs[number]> {
  const merged: ContractShape = {};
  for (const contract of contracts) {
    for (const [name, spec] of Object.entries(contract)) {
      if (name in merged) throw new Error(`API method "${name}" is declared twice`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<Cs[number]>;
}
