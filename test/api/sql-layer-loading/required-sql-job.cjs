// A CommonJS job: require('@flint/driver') (no top-level await in its graph) and a SQL query.
const { FlintContext } = require('@flint/driver');

FlintContext.create({ master: 'local[1]', ui: false }).then(async (fc) => {
  const sum = await fc.sql('SELECT sum(id) AS total FROM range(10)').collect();
  await fc.stop();
  console.log(JSON.stringify(sum));
});
