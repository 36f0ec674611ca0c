import './first-report';
// Loaded with the entry, not after it: the popup draws the report the background worked out ahead as soon as this
// bundle has run, so the bundle, not the background's answer, is what the first drawing waits for.
import './app';
