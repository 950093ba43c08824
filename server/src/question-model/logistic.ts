// A small L2-regularised logistic regression, fitted by full-batch gradient descent on standardised
// features: enough for a dozen signals and a few thousand examples, and deterministic.
export interface LogisticModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function fitLogistic(features: string[], X: number[][], y: number[], opts: { l2?: number; epochs?: number; lr?: number } = {}): LogisticModel {
  const d = features.length;
  const n = X.length;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((s, x) => s + x[j], 0) / n);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(X.reduce((s, x) => s + (x[j] - mean[j]) ** 2, 0) / n) || 1);
  const Z = X.map((x) => x.map((v, j) => (v - mean[j]) / scale[j]));
  const w = new Array(d).fill(0);
  let b = 0;
  const { l2 = 1e-3, epochs = 400, lr = 0.5 } = opts;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gw = new Array(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const err = sigmoid(Z[i].reduce((s, v, j) => s + v * w[j], b)) - y[i];
      for (let j = 0; j < d; j++) gw[j] += err * Z[i][j];
      gb += err;
    }
    for (let j = 0; j < d; j++) w[j] -= lr * (gw[j] / n + l2 * w[j]);
    b -= lr * (gb / n);
  }
  return { features, mean, scale, weights: w, bias: b };
}

export function predictLogistic(m: LogisticModel, x: number[]): number {
  let z = m.bias;
  for (let j = 0; j < m.weights.length; j++) z += m.weights[j] * ((x[j] - m.mean[j]) / m.scale[j]);
  return sigmoid(z);
}
