import type { BenchContext } from '../types.ts';

function fromEnv(ctx: BenchContext, name: string, fallback: number, whole: boolean): number {
  const value = Number(ctx.env[name] ?? fallback);
  const fits = whole ? Number.isInteger(value) : Number.isFinite(value);
  if (!fits || value <= 0) throw new Error(`${name} must be a positive ${whole ? 'integer' : 'number'}, not "${ctx.env[name]}"`);
  return value;
}

/** A count set by an ONEWINDOW_BENCH_* variable (rows, queries, runs), else `fallback`; anything but a positive integer stops the bench, naming the variable. */
export const envCount = (ctx: BenchContext, name: string, fallback: number): number => fromEnv(ctx, name, fallback, true);

/** An amount set by an ONEWINDOW_BENCH_* variable (seconds, megabytes), else `fallback`; anything but a positive number stops the bench. */
export const envAmount = (ctx: BenchContext, name: string, fallback: number): number => fromEnv(ctx, name, fallback, false);
