import { books } from './books.js';
import { electronics } from './electronics.js';
import { fashion, shoes } from './fashion.js';
import { coffeeAndTea } from './coffee-tea.js';
import { garden } from './garden.js';
import { groceries } from './groceries.js';
import { kitchen } from './kitchen.js';
import { living } from './living.js';
import { outdoor, sport } from './outdoor.js';
import { drugstore, toys } from './toys-care.js';
import type { CategorySpec } from './types.js';

/** The demo shop's departments, in navigation order. */
export const CATEGORY_SPECS: readonly CategorySpec[] = [
  coffeeAndTea,
  groceries,
  books,
  kitchen,
  outdoor,
  fashion,
  shoes,
  sport,
  electronics,
  living,
  garden,
  toys,
  drugstore,
];
