// Config for the alarm cost benchmark only (kept out of the normal unit run):
//   npx vitest run --config bench/alarms.vitest.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/alarms-cost.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
  },
});
