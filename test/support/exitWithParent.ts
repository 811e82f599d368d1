/**
 * Preloaded (`node --import`) into every server a test spawns: the child exits as soon as its
 * standard input closes, which the operating system does when the test process ends for any
 * reason, even when it is killed and no cleanup hook of its own runs. No orphan server survives
 * a test run.
 */
process.stdin.on('end', () => process.exit(70));
process.stdin.on('error', () => process.exit(70));
process.stdin.resume();
