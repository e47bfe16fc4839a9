/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "jsdom",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true, tsconfig: { jsx: "react", module: "commonjs", esModuleInterop: true } }],
  },
  setupFiles: ["<rootDir>/tests/support/setup.ts"],
  testTimeout: 20000,
};
