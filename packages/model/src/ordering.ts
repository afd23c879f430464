/**
 * Fractional ordering keys: moving one item writes only its own key, so two people
 * reordering different notes at once never overwrite each other.
 */

/** Gap left between items when one is placed before the first or after the last. */
export const ORDER_GAP = 1_000;

/** A key strictly between `before` and `after` (either may be missing at the ends of a list). */
export function orderBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return after! - ORDER_GAP;
  if (after === undefined) return before + ORDER_GAP;
  return (before + after) / 2;
}

/**
 * The key that moves item `index` of a list (sorted by key) one place up (-1) or down (+1);
 * null when it is already at that end.
 */
export function orderForMove(orders: readonly number[], index: number, direction: -1 | 1): number | null {
  const target = index + direction;
  if (index < 0 || index >= orders.length || target < 0 || target >= orders.length) return null;
  // Moving up lands between the item two above and the one above; down, between the next two.
  return direction === -1 ? orderBetween(orders[target - 1], orders[target]) : orderBetween(orders[target], orders[target + 1]);
}
