// Issue 11 item 3: opening a book makes only cheap checks, and the full integrity check runs
// in the background once the first page is shown. A sound book opens without a word; a book
// whose damage the cheap checks miss (an index no longer matching its table — quick_check
// does not compare them) opens, and a clear warning appears soon after.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Session, sleep } from '../webdriver.mjs';
import { createBook } from './01-foundation.mjs';

const WARNING = '.integrity-failed';

async function warningText(s) {
  return s.execute(`const el = document.querySelector(arguments[0]); return el ? el.innerText : ''`, [WARNING]);
}

export const journeys = [
  {
    name: 'integrity',
    async run({ s, shot, work, app, driver }) {
      const book = join(work, 'book.sqlite');
      await createBook(s, null, {});
      await s.find('[data-testid="login-submit"]');
      // The check runs ~0.3 s after the page is shown; a sound book gives no warning.
      await sleep(2000);
      if (await warningText(s)) throw new Error('a sound book was reported damaged');
      await shot('sound-book-no-warning');
      await s.close();

      // Damage the book behind the app's back: the accounts index now claims another column.
      execFileSync('python3', [
        '-c',
        `import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA writable_schema=ON")
c.execute("UPDATE sqlite_master SET sql='CREATE INDEX accounts_by_parent ON accounts(name)' WHERE name='accounts_by_parent'")
c.commit()
c.close()`,
        book,
      ]);

      const again = await Session.create(driver, app, ['--db', book]);
      try {
        // The window still opens on its first page (the cheap checks pass)…
        await again.find('[data-testid="login-submit"]');
        // …and the background check then warns, in Chinese, with the way out.
        const until = Date.now() + 15000;
        let text = '';
        while (Date.now() < until && !text) {
          text = await warningText(again);
          if (!text) await sleep(200);
        }
        for (const want of ['账套文件完整性检查未通过', '备份恢复', 'accounts_by_parent']) {
          if (!text.includes(want)) throw new Error(`warning lacks "${want}": ${text}`);
        }
        // Screenshots are of the X screen, so the harness's `shot` shows this window too.
        await sleep(800); // let the notification finish sliding in
        await shot('damaged-book-warning');
      } finally {
        await again.close();
      }
    },
  },
];
