/** JSON.parse typed for what it is: `unknown` until a schema or a guard has looked at it (JSON.parse itself says `any`). */
export function parseJson(text: string): unknown {
  return JSON.parse(text);
}
