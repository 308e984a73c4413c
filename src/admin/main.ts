// The back office's entry (admin.html, served for /admin and /admin/*). Nothing of the storefront's
// shell, service worker or manifest comes with it.
import '../components/admin-app/admin-app.js';
