import { afterEach, beforeEach, expect } from 'vitest';
import { takePageErrors } from './page-errors.js';

// Errors left over from a file's beforeAll belong to no test: they fail the first test instead of vanishing.
beforeEach(() => {
  expect(takePageErrors(), 'uncaught errors in a page before this test').toEqual([]);
});

afterEach(() => {
  expect(takePageErrors(), 'uncaught errors in a page during this test').toEqual([]);
});
