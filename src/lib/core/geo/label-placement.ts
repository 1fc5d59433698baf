/**
 * Which labels fit: boxes centred on their anchors, taken in priority order, each kept only when it
 * lies wholly inside the view and clear of every box already kept (by `gap` on every side). Greedy and
 * simple: the first (roomiest) names win, a crowded corner shows fewer names instead of a pile.
 */

export interface LabelBox {
	id: string;
	/** Centre of the label, in view pixels. */
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface Placed {
	id: string;
	left: number;
	top: number;
	right: number;
	bottom: number;
}

/** The boxes kept, in the order given; `candidates` come in priority order (first wins). */
export function placeLabels(candidates: readonly LabelBox[], view: { width: number; height: number }, gap = 2): Placed[] {
	const placed: Placed[] = [];
	for (const c of candidates) {
		if (!Number.isFinite(c.x) || !Number.isFinite(c.y)) continue;
		const box: Placed = {
			id: c.id,
			left: c.x - c.width / 2,
			top: c.y - c.height / 2,
			right: c.x + c.width / 2,
			bottom: c.y + c.height / 2
		};
		if (box.left < 0 || box.top < 0 || box.right > view.width || box.bottom > view.height) continue;
		const clear = placed.every(
			(p) => box.left >= p.right + gap || box.right <= p.left - gap || box.top >= p.bottom + gap || box.bottom <= p.top - gap
		);
		if (clear) placed.push(box);
	}
	return placed;
}

/** Whether two kept boxes overlap (touching edges do not). */
export function overlaps(a: Omit<Placed, 'id'>, b: Omit<Placed, 'id'>): boolean {
	return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
