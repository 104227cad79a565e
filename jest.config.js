/**
 * Two projects. `unit` needs nothing running (no Azurite) and is the inner loop:
 * `npm run test:unit`. `integration` starts one in-memory Azurite for its run and holds
 * everything else. A new test folder is integration unless it is listed in UNIT_DIRS.
 */
const UNIT_DIRS = [
  'ask',
  'bin',
  'bot',
  'cards',
  'config',
  'domain',
  'import',
  'lint',
  'logging',
  'notify',
  'package',
  'util',
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: UNIT_DIRS.map((dir) => `<rootDir>/test/${dir}/**/*.test.ts`),
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        ...UNIT_DIRS.map((dir) => `<rootDir>/test/${dir}/`),
      ],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  // Only a guard against a hang: no test relies on it to judge how fast something is.
  testTimeout: 180_000,
  maxWorkers: 2,
  // A safety net so CI never hangs on a socket a failed test left open; tests still close theirs.
  forceExit: true,
};
