// Word count in skale (run by benchmarks/modes/skale-peer.ts from a directory where skale is
// installed): `node wordcount.cjs <text file>` prints {"ms": wall time, "distinctWords": n}.
'use strict';
const sc = require('skale').context();

const started = Date.now();
sc.textFile(process.argv[2])
  .flatMap((line) => line.split(' '))
  .filter((word) => word.length > 0)
  .map((word) => [word, 1])
  .reduceByKey((a, b) => a + b, 0)
  .count()
  .then((distinctWords) => {
    console.log(JSON.stringify({ ms: Date.now() - started, distinctWords }));
    sc.end();
  });
