/**
 * A repository's camelCase domain type is its table's row (tables.ts) under camelCase keys:
 * `Camel<Row<'devices'>>` is `{ id; name; role; counterId; pairedAt; revokedAt }`. Deriving it
 * keeps one list of a table's columns (tables.ts, held to the schema by tables.test.ts) instead of
 * a second one written by hand beside each repository; a repository narrows it with Pick/Omit and
 * replaces the columns it decodes (JSON, 0/1 flags).
 */
type CamelKey<Key extends string> = Key extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelKey<Tail>>}` : Key;

export type Camel<R> = { [K in keyof R & string as CamelKey<K>]: R[K] };

const camelKeys = new Map<string, string>();

function camelKey(key: string): string {
  let camel = camelKeys.get(key);
  if (camel === undefined) {
    camel = key.replace(/_(.)/g, (_, next: string) => next.toUpperCase());
    camelKeys.set(key, camel);
  }
  return camel;
}

/**
 * The one mapper from a row as selected to its domain object: every column under its camelCase
 * key, values as they are. Select only the columns the domain type has (a `Pick` of the row):
 * whatever the row holds is passed on.
 */
export function camelRow<R extends object>(row: R): Camel<R> {
  // What CamelKey does to the type, camelKey does to the keys; TypeScript cannot follow
  // Object.fromEntries, so the result type is asserted here, once.
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [camelKey(key), value])) as Camel<R>;
}
