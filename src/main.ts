import './components/shop-app/shop-app.js';
