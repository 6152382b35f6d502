// Issue 5: 2026年三八节慰问 to all women at 200 元 each; one of them is over the festival cap
// (江苏 1,800 a year) after the Spring Festival batch, so posting needs the chair's override,
// typed at the treasurer's screen; then the sign-for sheet is printed (screenshots).
//
// The book, the roll and the earlier Spring Festival batch are set up with the command line
// on the same book file (the treasurer's import and a posted batch), then the window reloads.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from '../webdriver.mjs';
import { login } from './01-foundation.mjs';

const input = (id) => `[data-testid="${id}"] input`;

function cli(app, db, args, user = '王会计') {
  const out = execFileSync(app, ['--db', db, ...args], {
    env: { ...process.env, UNION_LEDGER_USER: user, UNION_LEDGER_PASSWORD: 'secret1' },
  });
  const text = out.toString().trim();
  return text ? JSON.parse(text) : null;
}

// Element Plus tables render cells WebKitWebDriver's text leaves out; read textContent.
async function waitContent(s, id, expected, timeout = 10000) {
  const until = Date.now() + timeout;
  let got = '';
  while (Date.now() < until) {
    got = await s.execute(`const e = document.querySelector('[data-testid="${id}"]'); return e ? e.textContent : ''`);
    if (got.includes(expected)) return got;
    await sleep(150);
  }
  throw new Error(`expected "${expected}" in ${id}, got "${got}"`);
}

async function pick(s, select, option) {
  await s.click(`[data-testid="${select}"] .el-select__wrapper`);
  await sleep(250);
  await s.click(`[data-testid="${option}"]`);
  await sleep(200);
}

export const journeys = [
  {
    name: 'welfare',
    async run({ s, shot, work, app }) {
      const db = join(work, 'book.sqlite');
      cli(app, db, ['init', '--union-name', '江都区某某水利管理处工会委员会', '--unit-name', '江都区某某水利管理处',
        '--start', '2026-01', '--province', '江苏', '--no-approval', '--no-signoff',
        '--treasurer', '王会计:secret1', '--chair', '李主席:secret1', '--auditor', '张经审:secret1']);
      const roll = join(work, 'roll.csv');
      writeFileSync(roll, '姓名,性别,入会日期,工会小组,月工资,状态\n' +
        '张红,女,2018-03-01,一组,5200,在职\n李芳,女,2019-07-01,一组,4800,在职\n陈静,女,2020-09-01,二组,4500,在职\n' +
        '王强,男,2017-05-01,二组,5600,在职\n赵刚,男,2016-01-01,一组,6000,在职\n');
      cli(app, db, ['members', 'import', roll]);
      const spring = join(work, 'spring.csv');
      writeFileSync(spring, '姓名,金额\n张红,1700\n李芳,800\n陈静,800\n王强,800\n赵刚,800\n');
      const b = cli(app, db, ['welfare', 'create', '--type', '节日慰问', '--name', '2026年春节慰问', '--date', '2026-02-10',
        '--form', '实物', '--pay-from', 'bank', '--goods', '年货礼包', '--occasion', '春节', '--recipients', spring]);
      cli(app, db, ['welfare', 'post', String(b.id)]);

      await s.execute('location.reload()');
      await s.find('[data-testid="login-submit"]');
      await login(s, '王会计');
      await s.click('[data-testid="nav-welfare"]');
      await waitContent(s, 'welfare-batches', '2026年春节慰问');
      await shot('batches');

      await s.click('[data-testid="welfare-new"]');
      await s.find('[data-testid="batch-save"]');
      await pick(s, 'batch-kind', 'kind-womens_day');
      await s.type(input('batch-name'), '2026年三八节慰问');
      await s.type(input('batch-date'), '2026-03-06\uE007');
      await sleep(300);
      await s.type(input('batch-goods'), '洗护用品礼盒');
      await s.type(input('batch-supplier'), '某某百货');
      await s.click('[data-testid="batch-save"]');
      await s.waitText('[data-testid="batch-status"]', '草稿');
      await pick(s, 'rule-select', 'rule-women');
      await s.type('[data-testid="rule-amount"]', '200');
      await s.click('[data-testid="rule-add"]');
      await waitContent(s, 'recipients-table', '陈静');
      await s.waitText('[data-testid="batch-total"]', '600.00');
      await waitContent(s, 'recipients-table', '超出标准');
      await s.waitText('[data-testid="batch-breaches"]', '张红');
      const dateShown = await s.execute('return document.querySelector(\'[data-testid="batch-date"] input\').value');
      if (dateShown !== '2026-03-06') throw new Error(`batch date is ${dateShown}`);
      await shot('draft-over-cap');

      // Posting is refused without the chair: the override dialog opens.
      await s.click('[data-testid="batch-post"]');
      await s.find('[data-testid="override-submit"]');
      await s.type(input('override-password'), 'secret1');
      await s.type('[data-testid="override-reason"] textarea', '张红负责组织三八节活动，经工会委员会研究同意按200元发放');
      await shot('chair-override');
      await s.click('[data-testid="override-submit"]');
      await s.waitText('[data-testid="batch-status"]', '已记账');
      await s.waitText('[data-testid="batch-voucher"]', '2026-03 记-001');
      await s.waitText('[data-testid="batch-breaches"]', '李主席');
      await shot('posted');

      await s.click('[data-testid="sign-sheet"]');
      await s.waitText('[data-testid="sign-sheet-paper"]', '2026年三八节慰问领取签收表');
      await s.waitText('[data-testid="sign-sheet-total"]', '600.00');
      await s.waitText('[data-testid="sign-sheet-words"]', '陆佰元整');
      await shot('sign-sheet');

      // The report and the override record agree with the window.
      const report = cli(app, db, ['report', 'welfare', '--year', '2026', '--format', 'json']);
      if (report.totals.amount !== '5500.00') throw new Error(`report total ${report.totals.amount}`);
      const overrides = cli(app, db, ['call', 'welfare_overrides', '--args', '{"year": 2026}'], '张经审');
      if (overrides.length !== 1 || overrides[0].chair_name !== '李主席') throw new Error(JSON.stringify(overrides));
    },
  },
];
