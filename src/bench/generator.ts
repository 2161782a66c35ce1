// The benchmarks' inputs come from one small deterministic generator (xorshift32), so every run measures the same ones.

/** A generator of 32-bit unsigned numbers from a seed: the same seed gives the same sequence. */
export function generator(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}
