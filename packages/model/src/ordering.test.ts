import { describe, expect, it } from 'vitest';
import { orderBetween, orderForMove, ORDER_GAP } from './ordering.ts';

describe('ordering', () => {
  it('places a key between two neighbours, or a gap beyond an end', () => {
    expect(orderBetween(10, 20)).toBe(15);
    expect(orderBetween(undefined, 20)).toBe(20 - ORDER_GAP);
    expect(orderBetween(10, undefined)).toBe(10 + ORDER_GAP);
    expect(orderBetween(undefined, undefined)).toBe(0);
  });

  it('moves an item one place up or down and refuses to move past an end', () => {
    const orders = [10, 20, 30, 40];
    //  moving index 2 (30) up puts it between 10 and 20
    expect(orderForMove(orders, 2, -1)).toBe(15);
    //  moving index 1 (20) down puts it between 30 and 40
    expect(orderForMove(orders, 1, 1)).toBe(35);
    expect(orderForMove(orders, 1, -1)).toBe(10 - ORDER_GAP);
    expect(orderForMove(orders, 2, 1)).toBe(40 + ORDER_GAP);
    expect(orderForMove(orders, 0, -1)).toBeNull();
    expect(orderForMove(orders, 3, 1)).toBeNull();
  });
});
