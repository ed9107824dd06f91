/** An object whose identity tells whether require() returns this process's ES module instances (load-sql.ts). */
export const REQUIRE_PROBE = {};
