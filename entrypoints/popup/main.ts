import './first-report';

// The interface's bundle (Preact, zod, the polyfill) is evaluated only after the first requests are on their way.
void import('./app');
