/** Count, mean, variance, min and max in one pass, mergeable across partitions (PySpark's StatCounter). */
export interface StatCounterState {
  n: number;
  mu: number;
  m2: number;
  max: number;
  min: number;
}

export class StatCounter {
  private n = 0;
  private mu = 0;
  private m2 = 0;
  private maxValue = -Infinity;
  private minValue = Infinity;

  static fromState(state: StatCounterState): StatCounter {
    const counter = new StatCounter();
    Object.assign(counter, { n: state.n, mu: state.mu, m2: state.m2, maxValue: state.max, minValue: state.min });
    return counter;
  }

  state(): StatCounterState {
    return { n: this.n, mu: this.mu, m2: this.m2, max: this.maxValue, min: this.minValue };
  }

  add(value: number): this {
    const delta = value - this.mu;
    this.n += 1;
    this.mu += delta / this.n;
    this.m2 += delta * (value - this.mu);
    this.maxValue = Math.max(this.maxValue, value);
    this.minValue = Math.min(this.minValue, value);
    return this;
  }

  /** Chan et al.'s parallel combination of two partial results. */
  merge(other: StatCounter): this {
    if (other.n === 0) return this;
    if (this.n === 0) {
      Object.assign(this, { n: other.n, mu: other.mu, m2: other.m2, maxValue: other.maxValue, minValue: other.minValue });
      return this;
    }
    const delta = other.mu - this.mu;
    const n = this.n + other.n;
    this.mu = other.n * 10 < this.n || this.n * 10 < other.n ? (this.mu * this.n + other.mu * other.n) / n : this.mu + (delta * other.n) / n;
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n;
    this.n = n;
    this.maxValue = Math.max(this.maxValue, other.maxValue);
    this.minValue = Math.min(this.minValue, other.minValue);
    return this;
  }

  count(): number {
    return this.n;
  }
  mean(): number {
    return this.n === 0 ? NaN : this.mu;
  }
  sum(): number {
    return this.n * this.mu;
  }
  max(): number {
    return this.maxValue;
  }
  min(): number {
    return this.minValue;
  }
  variance(): number {
    return this.n === 0 ? NaN : this.m2 / this.n;
  }
  sampleVariance(): number {
    return this.n <= 1 ? NaN : this.m2 / (this.n - 1);
  }
  stdev(): number {
    return Math.sqrt(this.variance());
  }
  sampleStdev(): number {
    return Math.sqrt(this.sampleVariance());
  }
  toString(): string {
    return `(count: ${this.n}, mean: ${this.mean()}, stdev: ${this.stdev()}, max: ${this.maxValue}, min: ${this.minValue})`;
  }
}
