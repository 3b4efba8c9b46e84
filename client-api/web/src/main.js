// The dashboard's entry: defines the application shell; pages are loaded by the router (routes.js).
import './components/md-app.js';
