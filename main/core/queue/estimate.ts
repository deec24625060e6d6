/**
 * Estimated wait for the next ticket of a category: the people ahead, served at the
 * category's recent average pace by the counters open for it. A new hall with no
 * finished service yet assumes `fallbackMinutes` a customer.
 */
export function estimateWaitMinutes(input: { ahead: number; averageServiceMinutes: number | null; countersServing: number; fallbackMinutes?: number }): number {
  const pace = input.averageServiceMinutes ?? input.fallbackMinutes ?? 8;
  const counters = Math.max(1, input.countersServing);
  return Math.round((input.ahead * pace) / counters);
}
