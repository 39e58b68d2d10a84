/** Renders public/icon/*.png from the SVG below with the system Chromium. Run once when the logo changes. */
import { chromium } from 'playwright-core';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect width="128" height="128" rx="26" fill="#0b7a4b"/>
  <rect x="28" y="30" width="72" height="10" rx="5" fill="#fff"/>
  <rect x="28" y="54" width="72" height="8" rx="4" fill="#fff" opacity=".85"/>
  <rect x="28" y="72" width="72" height="8" rx="4" fill="#fff" opacity=".85"/>
  <rect x="28" y="90" width="46" height="8" rx="4" fill="#fff" opacity=".85"/>
</svg>`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
