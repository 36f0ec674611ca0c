// Puppeteer never downloads a browser of its own: a fresh machine may have no way to fetch one, and
// `npm install` must succeed there. Tests and benchmarks use the system Chromium (test/support/browser.ts
// says in one line how to get one when none is found).
module.exports = {
  skipDownload: true,
};
