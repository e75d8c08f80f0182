/**
 * The smoke scripts' one reporter: `check(name, fn)` runs a check and prints `ok - name` or
 * `not ok - name` with the error; `summary()` is the closing `smoke: N passed, M failed` line
 * (read by .ci/run) and sets the exit code.
 */
const results = { passed: 0, failed: 0 };

async function check(name, fn) {
  try {
    await fn();
    results.passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    results.failed += 1;
    const text = String(error && error.stack ? error.stack : error);
    console.log(`not ok - ${name}\n  ${text.split('\n').join('\n  ')}`);
  }
}

function summary() {
  process.exitCode = results.failed === 0 ? 0 : 1;
  return `smoke: ${results.passed} passed, ${results.failed} failed`;
}

module.exports = { check, summary };
