import { ShopApp } from './components/shop-app/shop-app.js';
import { nextTask } from './services/next-task.js';

// The shell starts (<shop-app> in index.html upgrades) in a task after the scripts' evaluation: on a
// phone each is tens of milliseconds, and together they would keep the page from answering a tap
// for well over 50 ms. (No top-level await: it would make the bundler split the shell into many files.)
void nextTask().then(() => customElements.define('shop-app', ShopApp));
