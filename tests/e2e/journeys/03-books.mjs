// Issue 3, 账簿报表: post two entries through the real command path, read them back in the
// bank journal, trial balance, income statement and balance sheet, close October with the
// bank statement, then reopen it as the chair with a written reason — refused to the chair
// alone (反结账 needs the auditor too), done with 张经审 confirming on the chair's screen.
import { sleep } from '../webdriver.mjs';
import { createBook, login, logout } from './01-foundation.mjs';

const input = (id) => `[data-testid="${id}"] input`;
const ENTER = '\uE007';

/** Run a command through the same `call` the UI uses (window.__TAURI_INTERNALS__.invoke); resolves to {ok} or {err}. */
function invoke(s, name, args) {
  return s.executeAsync(
    `const done = arguments[arguments.length - 1];
     window.__TAURI_INTERNALS__.invoke('call', { name: arguments[0], args: arguments[1] })
       .then((v) => done({ ok: v }), (e) => done({ err: e }));`,
    [name, args],
  );
}

async function callCommand(s, name, args) {
  const res = await invoke(s, name, args);
  if (res && res.err) throw new Error(`${name} failed: ${JSON.stringify(res.err)}`);
  return res.ok;
}

/** Show a refusal from the core on screen for the screenshot, then take it away. */
async function banner(s, shot, label, text) {
  await s.execute(
    `const d = document.createElement('div'); d.setAttribute('data-testid', 'e2e-banner');
     d.style.cssText = 'position:fixed;top:8px;left:50%;transform:translateX(-50%);z-index:9999;padding:10px 16px;background:#fef0f0;color:#f56c6c;border:1px solid #fbc4c4;border-radius:4px;max-width:900px';
     d.textContent = arguments[0]; document.body.appendChild(d);`,
    [text],
  );
  await shot(label);
  await s.execute('document.querySelector(\'[data-testid="e2e-banner"]\').remove()');
}

/** The element's innerText (WebKitWebDriver's element text leaves out table cells). */
async function textOf(s, css) {
  await s.find(css);
  return s.execute('const el = document.querySelector(arguments[0]); return el ? el.innerText : ""', [css]);
}

async function waitFor(s, css, expected, { timeout = 10000 } = {}) {
  const until = Date.now() + timeout;
  let got = '';
  while (Date.now() < until) {
    got = await textOf(s, css).catch(() => '');
    if (got.includes(expected)) return got;
    await sleep(150);
  }
  throw new Error(`expected "${expected}" in ${css}, got "${got}"`);
}

async function typeMonth(s, testid, month) {
  await s.type(input(testid), `${month}${ENTER}`);
  await sleep(250);
  const got = await s.execute(`return document.querySelector('[data-testid="${testid}"] input').value`);
  if (got !== month) throw new Error(`${testid} shows ${got}, expected ${month}`);
}

async function openBooksPage(s, key) {
  await s.click(`[data-testid="books-nav-${key}"]`);
  await s.find('[data-testid="books-report"], [data-testid="close-year"], [data-testid="accounts-table"], [data-testid="opening-totals"]');
  await sleep(200);
}

export const journeys = [
  {
    name: 'books',
    async run({ s, shot }) {
      // Not about approval or sign-off (journey 06 is): untick both controls in the wizard.
      await createBook(s, null, { startMonth: '2026-10', controls: false });
      await s.find('[data-testid="login-submit"]');
      await login(s, '王会计');

      const income = await callCommand(s, 'ledger_entry_post', {
        kind: 'income',
        date: '2026-10-08',
        category: 'allocation',
        amount: '10000.00',
        via: 'bank',
        summary: '收到行政拨缴经费',
      });
      const expense = await callCommand(s, 'ledger_entry_post', {
        kind: 'expense',
        date: '2026-10-15',
        category: '50105',
        amount: '1200.00',
        via: 'bank',
        summary: '会员趣味运动会奖品',
      });
      if (income.display_number !== '记-001' || expense.display_number !== '记-002') {
        throw new Error(`unexpected voucher numbers ${income.display_number}, ${expense.display_number}`);
      }

      // 银行存款日记账 for October: the 1,200.00 line and the running balance.
      await s.click('[data-testid="nav-books"]');
      await s.find('[data-testid="books-nav-bank-journal"]');
      await openBooksPage(s, 'bank-journal');
      await typeMonth(s, 'books-from', '2026-10');
      await typeMonth(s, 'books-to', '2026-10');
      await waitFor(s, '[data-testid="books-report"]', '1,200.00');
      const bankText = await textOf(s, '[data-testid="books-report"]');
      for (const want of ['10,000.00', '8,800.00', '本月合计', '本年累计', '记-002', '2026年10月15日']) {
        if (!bankText.includes(want)) throw new Error(`bank journal lacks ${want}`);
      }
      await shot('bank-journal');

      // The voucher number opens the voucher.
      await s.click(`[data-testid="books-voucher-${expense.id}"]`);
      await waitFor(s, '[data-testid="books-voucher-dialog"]', '会员活动支出');
      await shot('voucher-dialog');
      await s.execute(`document.querySelector('[data-testid="books-voucher-dialog"] .el-dialog__headerbtn').click()`);
      await s.waitGone('[data-testid="books-voucher-dialog"]');

      // 科目余额表: same months (shared), totals balance.
      await openBooksPage(s, 'trial-balance');
      await waitFor(s, '[data-testid="books-report"]', '会员活动支出');
      await waitFor(s, '[data-testid="books-balanced"]', '借贷平衡');
      const totals = await textOf(s, '[data-testid="books-tb-totals"]');
      if (!totals.includes('11,200.00')) throw new Error(`trial balance totals: ${totals}`);
      await shot('trial-balance');

      // Print layout: the print-preview class applies the print rules on screen.
      await s.execute(`document.documentElement.classList.add('print-preview')`);
      await sleep(300);
      const chrome = await s.execute(
        `return [getComputedStyle(document.querySelector('.layout > .el-header')).display,
                 getComputedStyle(document.querySelector('.layout .el-aside')).display,
                 getComputedStyle(document.querySelector('.books-nav')).display,
                 getComputedStyle(document.querySelector('.print-signatures')).display]`,
      );
      if (chrome[0] !== 'none' || chrome[1] !== 'none' || chrome[2] !== 'none' || chrome[3] === 'none') {
        throw new Error(`print preview: header/aside/nav/signatures display = ${chrome.join(',')}`);
      }
      await shot('trial-balance-print-preview');
      await s.execute(`document.documentElement.classList.remove('print-preview')`);
      const printCss = await s.execute(
        `for (const sh of document.styleSheets) { try { for (const r of sh.cssRules) {
           if (r.type === CSSRule.MEDIA_RULE && r.conditionText === 'print' && r.cssText.includes('.el-aside') && r.cssText.includes('display: none')) return true;
         } } catch (e) {} } return false;`,
      );
      if (!printCss) throw new Error('no @media print rule hides the app chrome');

      // 收入支出表 (工会02表).
      await openBooksPage(s, 'income-statement');
      await typeMonth(s, 'books-period', '2026-10');
      await waitFor(s, '[data-testid="books-report"]', '8,800.00');
      const is = await textOf(s, '[data-testid="books-report"]');
      for (const want of ['工会02表', '收入合计', '10,000.00', '支出合计', '1,200.00', '单位：元']) {
        if (!is.includes(want)) throw new Error(`income statement lacks ${want}`);
      }
      await shot('income-statement');

      // 资产负债表 (工会01表): balanced.
      await openBooksPage(s, 'balance-sheet');
      await waitFor(s, '[data-testid="books-bs-totals"]', '8,800.00');
      await s.find('[data-testid="books-balanced"]');
      await shot('balance-sheet');

      // 结账: bank statement 8,800.00, save, close October.
      await openBooksPage(s, 'close');
      await s.click('[data-testid="close-month-2026-10"]');
      await waitFor(s, '[data-testid="close-status"]', '未结账');
      await s.type(input('close-bank-statement'), '8,800.00');
      await s.click('[data-testid="close-bank-save"]');
      await waitFor(s, '[data-testid="close-bank-difference"]', '0.00');
      for (let i = 0; i < 40; i++) {
        const disabled = await s.execute(`return document.querySelector('[data-testid="close-submit"]').disabled`);
        if (!disabled) break;
        await sleep(150);
      }
      await s.click('[data-testid="close-submit"]');
      await s.click('[data-testid="close-confirm"]');
      await waitFor(s, '[data-testid="close-status"]', '已结账');
      await sleep(400);
      await shot('closed');
      if (await s.exists('[data-testid="reopen-submit"]')) throw new Error('the treasurer should not see 反结账');

      // The chair reopens with a reason — and the auditor, who confirms on the same screen.
      await logout(s);
      await login(s, '李主席');
      await s.click('[data-testid="nav-books"]');
      await openBooksPage(s, 'close');
      await s.click('[data-testid="close-month-2026-10"]');
      await waitFor(s, '[data-testid="close-status"]', '已结账');
      if (await s.exists('[data-testid="close-submit"]')) throw new Error('the chair should not see 结账');
      await s.click('[data-testid="reopen-submit"]');
      await waitFor(s, '[data-testid="reopen-reason"]', '请写明反结账原因');
      await s.type('[data-testid="reopen-reason"] textarea', '发现10月漏记一笔银行手续费，需补记');

      // The chair alone is refused by the core.
      const alone = await invoke(s, 'ledger_period_reopen', { period: '2026-10', reason: '主席一人反结账' });
      if (!alone.err || alone.err.code !== 'validation' || !alone.err.message.includes('两位负责人')) {
        throw new Error(`the chair alone was not refused: ${JSON.stringify(alone)}`);
      }
      await banner(s, shot, 'reopen-chair-alone-refused', `工会主席一人反结账 → ${alone.err.message}`);

      // The window says why and proposes the auditor; the chair cannot be their own second.
      await waitFor(s, '[data-testid="reopen-officer-why"]', '反结账须工会主席与经审委员共同确认');
      await waitFor(s, '[data-testid="reopen-officer-user"]', '张经审');
      const offered = await s.execute(
        `return [...document.querySelectorAll('.el-select-dropdown__item')].map((o) => o.innerText).filter((x) => x.includes('（'))`,
      );
      if (offered.join() !== '张经审（经审委员）') throw new Error(`offered as second officer: ${offered}`);
      // A wrong password: the core's message next to the field, the month stays closed.
      await s.type(input('reopen-officer-password'), 'wrong-pass');
      await s.click('[data-testid="reopen-submit"]');
      await waitFor(s, '[data-testid="reopen-officer-password"]', '姓名或密码不正确');
      await waitFor(s, '[data-testid="close-status"]', '已结账');
      await sleep(300);
      await shot('reopen-wrong-auditor-password');
      // 张经审 types the right one.
      await s.type(input('reopen-officer-password'), 'secret1');
      await shot('reopen-chair-with-auditor');
      await s.click('[data-testid="reopen-submit"]');
      await waitFor(s, '[data-testid="close-status"]', '未结账');
      await waitFor(s, '[data-testid="close-events"]', '漏记一笔银行手续费');
      await sleep(400);
      await shot('reopened-by-chair');

      await logout(s);
      await login(s, '王会计');
    },
  },
];
