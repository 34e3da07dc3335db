// Prints one closing line "Tests: N passed, N failed, N skipped" that CI reads as the count.
function collect(suite, acc) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite.suites ?? []) collect(s, acc);
  return acc;
}

export function countReporter() {
  let last;
  return {
    onTestRunFinished({ sessions }) {
      last = sessions;
    },
    stop({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions ?? last ?? []) {
        if (s.testResults) collect(s.testResults, acc);
        // A file that failed to load counts as a failure, not as zero tests.
        if (!s.passed && (!s.testResults || (s.errors?.length ?? 0) > 0)) acc.failed++;
      }
      process.stdout.write(`\nTests: ${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped\n`);
    },
  };
}
