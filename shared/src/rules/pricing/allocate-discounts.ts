/**
 * Spreads the order-level discounts over the lines they apply to. Per-line paid amounts are what partial refunds
 * and commissions are computed from, so every discount's shares must add up to it and no line may go below zero.
 *
 * Discounts are placed one after another, in order of application:
 * 1. proportionally: split by largest remainder in proportion to what each line in scope still has to pay,
 *    taking no more than those lines have left (the usual case ends here);
 * 2. topped up: if its lines ran out because earlier discounts with overlapping scopes used them, earlier shares
 *    are moved to other lines of those discounts along augmenting paths (as in max-flow) to make room, until the
 *    discount is placed in full or nothing in reach is left. A discount never loses what it was given.
 *
 * After each step the placement is a maximum flow from the discounts so far to the lines: each discount gets the
 * most it can once the earlier ones are served, and the total placed is the most any allocation could place.
 * So a discount added to the order can only lower the payable, never raise it, not even by a rounding fen.
 */
import { allocate } from '../../money/allocate';
import { fen, type Fen, MoneyError } from '../../money/fen';

export interface OrderDiscountRequest {
  /** What the discount is worth on its own. */
  amountFen: Fen;
  /** Indexes of the lines it applies to. */
  scope: readonly number[];
}

/** One share per line (0 outside `scope`); `amountFen` must not exceed the scope's remaining total. */
export function allocateToLines(amountFen: Fen, scope: readonly number[], remainingFen: readonly Fen[]): Fen[] {
  const weights = scope.map((i) => remainingFen[i]);
  const available = weights.reduce((s, w) => s + w, 0);
  if (amountFen < 0 || amountFen > available) {
    throw new MoneyError(`cannot allocate ${amountFen} fen over lines that have ${available} fen left`);
  }
  const shares = remainingFen.map(() => fen(0));
  allocate(amountFen, weights).forEach((share, k) => {
    shares[scope[k]] = share;
  });
  return shares;
}

interface Edge {
  discount: number;
  line: number;
}

/**
 * Returns `shares[k][i]`: the fen of discount k placed on line i. `linesFen` is what each line has to pay before
 * these discounts. A discount's placed total is at most its amount; less only when its lines are exhausted.
 */
export function allocateOrderDiscounts(requests: readonly OrderDiscountRequest[], linesFen: readonly Fen[]): Fen[][] {
  const remaining: number[] = [...linesFen];
  const shares: number[][] = requests.map(() => linesFen.map(() => 0));

  /** Breadth-first: from discount k through lines and the discounts holding shares on them, to a line with money left. */
  const augmentingPath = (k: number): { forward: Edge[]; backward: Edge[]; end: number } | null => {
    const cameFromDiscount = new Map<number, number>(); // line → discount that reached it
    const cameFromLine = new Map<number, number>(); // discount → line it was reached through
    const queue = [k];
    const seen = new Set([k]);
    for (let head = 0; head < queue.length; head++) {
      const j = queue[head];
      for (const i of requests[j].scope) {
        if (cameFromDiscount.has(i)) continue;
        cameFromDiscount.set(i, j);
        if (remaining[i] > 0) {
          const forward: Edge[] = [];
          const backward: Edge[] = [];
          for (let line = i, d = j; ;) {
            forward.push({ discount: d, line });
            if (d === k) return { forward, backward, end: i };
            line = cameFromLine.get(d) as number;
            backward.push({ discount: d, line });
            d = cameFromDiscount.get(line) as number;
          }
        }
        shares.forEach((row, holder) => {
          if (row[i] > 0 && !seen.has(holder)) {
            seen.add(holder);
            cameFromLine.set(holder, i);
            queue.push(holder);
          }
        });
      }
    }
    return null;
  };

  requests.forEach(({ amountFen, scope }, k) => {
    const proportional = Math.min(
      amountFen,
      scope.reduce((s, i) => s + remaining[i], 0),
    );
    allocateToLines(fen(proportional), scope, remaining.map(fen)).forEach((share, i) => {
      shares[k][i] += share;
      remaining[i] -= share;
    });
    for (let missing = amountFen - proportional; missing > 0;) {
      const path = augmentingPath(k);
      if (!path) break;
      const moved = Math.min(missing, remaining[path.end], ...path.backward.map((e) => shares[e.discount][e.line]));
      for (const e of path.forward) shares[e.discount][e.line] += moved;
      for (const e of path.backward) shares[e.discount][e.line] -= moved;
      remaining[path.end] -= moved;
      missing -= moved;
    }
  });
  return shares.map((row) => row.map(fen));
}
