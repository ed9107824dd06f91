/**
 * The per-record logic of logistic regression as a user writes it (points as `{ y, x: number[] }`,
 * a gradient array per point, arrays summed element by element), shared by the Flint job and the
 * hand-written two-thread program so both do exactly the same work per record. Each function is
 * self-contained (no free variables), so Flint ships it as it is.
 */
export interface Point {
  y: number;
  x: number[];
}

/** A `label x1 ... xd` line. */
export const parsePoint = (line: string): Point => {
  const fields = line.split(' ').map(Number);
  return { y: fields[0], x: fields.slice(1) };
};

/** The point's gradient of the logistic loss at the weights `w`. */
export const pointGradient = (p: Point, { w }: { w: number[] }): number[] => {
  let dot = 0;
  for (let j = 0; j < w.length; j++) dot += w[j] * p.x[j];
  const scale = (1 / (1 + Math.exp(-p.y * dot)) - 1) * p.y;
  return p.x.map((v) => v * scale);
};

export const addArrays = (a: number[], b: number[]): number[] => a.map((v, j) => v + b[j]);

/** One gradient step against the mean gradient. */
export const step = (w: number[], gradient: number[], count: number): number[] => w.map((v, j) => v - gradient[j] / count);
