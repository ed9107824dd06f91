// Logistic regression by gradient descent in skale, the math of examples/logistic-regression:
// `node logistic-regression.cjs <points file> <iterations>` prints {"iterationMs": [...], "weights": [...]}.
'use strict';
const sc = require('skale').context();

const [input, iterations] = [process.argv[2], Number(process.argv[3])];

function parse(line) {
  const [label, ...features] = line.trim().split(/\s+/).map(Number);
  return [label, [1, ...features]];
}

function addGradient(acc, [label, x], { weights }) {
  let dot = 0;
  for (let axis = 0; axis < x.length; axis++) dot += weights[axis] * x[axis];
  const scale = (1 / (1 + Math.exp(-label * dot)) - 1) * label;
  for (let axis = 0; axis < x.length; axis++) acc[0][axis] += scale * x[axis];
  acc[1]++;
  return acc;
}

function combine(a, b) {
  return [a[0].map((g, axis) => g + b[0][axis]), a[1] + b[1]];
}

async function main() {
  const points = sc.textFile(input).filter((line) => line.trim() !== '').map(parse).persist();
  // As the Flint job: the first point gives the dimension before the timed loop.
  let weights = (await points.first())[1].map(() => 0);
  const iterationMs = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    const started = Date.now();
    const [gradient, count] = await points.aggregate(addGradient, combine, [weights.map(() => 0), 0], { weights });
    weights = weights.map((w, axis) => w - gradient[axis] / count);
    iterationMs.push(Date.now() - started);
  }
  console.log(JSON.stringify({ iterationMs, weights }));
  sc.end();
}

main();
