import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { heading, report, timingOf } from './stats';
import type { BenchServices } from './bench-services';
import { seedVault } from '../test/helpers/seed-vault';
import { launchChromium, openApp, serveRenderer } from '../test/e2e/harness';

const assets = join(import.meta.dirname, '..', 'out', 'renderer', 'assets');

/**
 * In-page code as text (tsx would wrap a function in helpers the page does not have): types into
 * the sidebar search as React sees typing, and resolves with the ms until the list shows `expected`.
 */
function untilListShows(expected: number): string {
  return `new Promise((resolve) => {
    const check = () => {
      const list = document.querySelector('[data-testid="account-list"]');
      const shown = list && list.dataset.count === '${expected}' && list.querySelector('.account-item');
      return shown ? resolve() : requestAnimationFrame(check);
    };
    check();
  })`;
}

/** Resolves with the page's time when `ready` (in-page code) first holds, checked every frame. */
const whenPage = (ready: string) => `new Promise((resolve) => {
  const check = () => (${ready} ? resolve(performance.now()) : requestAnimationFrame(check));
  check();
})`;
const quickSearchFocused = `document.activeElement?.getAttribute('aria-label') === 'Search accounts and applications'`;
const quickMatchesShown = `document.querySelector('#quick-results [role="option"]') !== null`;
/** Main shows the hidden window again: the focus event, until the search is empty with its list. */
const shownAgain = `(async () => {
  const t0 = performance.now();
  document.activeElement.blur();
  window.dispatchEvent(new Event('focus'));
  const afresh = ${whenPage(
    `${quickSearchFocused} && document.activeElement.value === '' && document.querySelectorAll('#quick-results [role="option"]').length === 50`,
  )};
  return (await afresh) - t0;
})()`;

function typeInSearch(text: string, expected: number): string {
  return `(async () => {
    const input = document.querySelector('input[aria-label="Search accounts"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const t0 = performance.now();
    setValue.call(input, ${JSON.stringify(text)});
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await ${untilListShows(expected)};
    return performance.now() - t0;
  })()`;
}

/**
 * The renderer in Debian's Chromium over the same handlers and a vault of 1,000 accounts and
 * 10,000 applications. window.api goes through a Playwright binding here, which adds a DevTools
 * round trip per call that Electron's IPC does not have: the figures are upper bounds.
 */
export async function benchRenderer(bench: BenchServices): Promise<void> {
  heading('Renderer');
  const sizes = (files: string[]) => {
    const raw = files.reduce((sum, f) => sum + readFileSync(join(assets, f)).length, 0);
    const gz = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
    return `${(raw / 1024).toFixed(0)} KiB, gzipped ${(gz / 1024).toFixed(0)} KiB`;
  };
  const all = readdirSync(assets);
  const js = all.filter((f) => f.endsWith('.js'));
  console.log(
    `  ${'JS loaded at start (index-*.js)'.padEnd(52)} ${sizes(js.filter((f) => f.startsWith('index-')))}`,
  );
  console.log(`  ${'JS in all (the ACL checker loads on demand)'.padEnd(52)} ${sizes(js)}`);
  console.log(`  ${'CSS'.padEnd(52)} ${sizes(all.filter((f) => f.endsWith('.css')))}`);

  await seedVault(bench.services);
  const server = await serveRenderer();
  const browser = await launchChromium();
  try {
    const loads: number[] = [];
    const keystrokes: number[] = [];
    for (let run = 0; run < 7; run += 1) {
      const app = await openApp(browser, server.url, bench.keychain, { dataDir: bench.dataDir });
      // performance.now() in the page counts from the start of its navigation.
      loads.push(
        await app.page.evaluate<number>(`${untilListShows(1000)}.then(() => performance.now())`),
      );
      for (const [text, expected] of [
        ['customer 05', 100],
        ['customer 051', 10],
        ['', 1000],
      ] as const) {
        keystrokes.push(await app.page.evaluate<number>(typeInSearch(text, expected)));
      }
      // The harness's backend shares the bench's data folder; close only its page and connection.
      await app.page.context().close();
      app.backend.services.close();
    }
    report('navigation to an interactive list of 1,000 accounts', timingOf(loads), 500);
    report('keystroke in search to the filtered list', timingOf(keystrokes), 50);

    // The quick copy window's page, cold (at Keydesk's start, while hidden) and on the shortcut:
    // main shows the loaded window, the page starts afresh (Electron's show() is not measured).
    const quickFocused: number[] = [];
    const quickMatches: number[] = [];
    const quickShown: number[] = [];
    for (let run = 0; run < 7; run += 1) {
      const app = await openApp(browser, `${server.url}#quick`, bench.keychain, {
        dataDir: bench.dataDir,
      });
      quickFocused.push(await app.page.evaluate<number>(whenPage(quickSearchFocused)));
      quickMatches.push(await app.page.evaluate<number>(whenPage(quickMatchesShown)));
      for (let again = 0; again < 3; again += 1) {
        await app.page.getByRole('combobox').fill('customer 0001');
        quickShown.push(await app.page.evaluate<number>(shownAgain));
      }
      await app.page.context().close();
      app.backend.services.close();
    }
    report('quick copy, cold: navigation to its search box focused', timingOf(quickFocused));
    report('quick copy, cold: navigation to its first matches', timingOf(quickMatches));
    // What the shortcut costs the page: main keeps the window loaded and hidden and shows it; the
    // page starts afresh on the focus event (empty search, the vault asked again).
    report('quick copy, shortcut: focus to its matches again', timingOf(quickShown), 150);
  } finally {
    await browser.close();
    await server.close();
  }
}
