import "@testing-library/jest-dom";

// Hashing at production cost would make every test that creates an account slow.
process.env.BCRYPT_COST = "4";

// A console.error in a test is a bug being swallowed: fail the test instead.
const originalError = console.error;
beforeEach(() => {
  console.error = (...args: unknown[]) => {
    originalError(...args);
    throw new Error(`console.error was called: ${args.map(String).join(" ").slice(0, 500)}`);
  };
});
afterEach(() => {
  console.error = originalError;
});
