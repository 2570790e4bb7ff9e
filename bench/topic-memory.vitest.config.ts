// Config for the per-topic memory benchmark only (kept out of the normal unit run):
//   npx vitest run --config bench/topic-memory.vitest.config.ts
//   TOPIC_MEMORY_N=200000 TOPIC_MEMORY_KINDS=1 npx vitest run --config bench/topic-memory.vitest.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/topic-memory.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    // One fork, its heap big enough for a million topics with history.
    pool: 'forks',
    execArgv: ['--max-old-space-size=4096', '--expose-gc'],
  },
});
