// Tests drive the system Chromium (Debian's package); puppeteer must not fetch a browser of its own
// when one is there (and this machine cannot fetch one anyway).
const fs = require('node:fs');

const systemChromium = process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium';
module.exports = {
  skipDownload: fs.existsSync(systemChromium) || process.env.PUPPETEER_SKIP_DOWNLOAD === '1',
};
