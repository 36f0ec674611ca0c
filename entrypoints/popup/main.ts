import './first-report';

// The interface's bundle (Preact, the polyfill, the catalogs) is evaluated only after the first requests are on their way.
void import('./app');
