// Config for the new-topic insert benchmark only (kept out of the normal unit run):
//   TOPIC_INSERT_OLD=/tmp/old/src npx vitest run --config bench/topic-memory-insert.vitest.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/topic-memory-insert.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    // One fork, its heap big enough for a million topics with history.
    pool: 'forks',
    execArgv: ['--max-old-space-size=4096', '--expose-gc'],
  },
});
