export type TargetOp = '<=' | '<' | '>=' | '>';

export type ParsedTarget = { op: TargetOp; value: number };

/** Parses a target string such as "<= 1500". */
export function parseTarget(target: string): ParsedTarget {
  const match = /^\s*(<=|<|>=|>)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(target);
  if (!match) throw new Error(`bad bench target "${target}": expected "<op> <number>", op one of <=, <, >=, >`);
  return { op: match[1] as TargetOp, value: Number(match[2]) };
}

export function meetsTarget(value: number, target: string): boolean {
  const t = parseTarget(target);
  switch (t.op) {
    case '<=':
      return value <= t.value;
    case '<':
      return value < t.value;
    case '>=':
      return value >= t.value;
    case '>':
      return value > t.value;
  }
}
