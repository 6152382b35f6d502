// Issue 4 (会员 and 会费): fresh book starting 2026-10 → import a 30-member roll (a CSV with valid
// GB 11643 ID numbers, written here and chosen through the import dialog's real file input, so
// preview and import go through members_import_preview / members_import) → the roll, 入会率,
// a masked ID revealed → October's dues → the payroll batch and its voucher (记-001, print
// preview) → a retroactive wage rise makes 补缴 → November's dues → 欠缴 → member 0001 pays
// everything owed in cash → the 收据 with 大写金额 (screenshot) → the member's annual statement →
// November's 收款记录: by dues month the payment (dated today, 2 December) is there with its own
// date and November's share; by payment date November received nothing → the payment is undone →
// the 花名册 without ID numbers → a hardship file → the auditor sees no editing controls.
// The app's clock is pinned to TODAY (run.mjs); dates here never come from the machine's calendar.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from '../webdriver.mjs';
import { TODAY } from '../clock.mjs';
import { createBook, login, logout } from './01-foundation.mjs';

const ENTER = '\uE007';
const input = (id) => `[data-testid="${id}"] input`;

// ---------- the roll to import ----------
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
/** A valid 18-character ID number (GB 11643): region, birth date, sequence (odd = male), check. */
function idNumber(birth, seq, male) {
  const s = String(seq * 2 + (male ? 1 : 0)).padStart(3, '0');
  const body = `321088${birth.replaceAll('-', '')}${s}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0);
  return body + CHECK[sum % 11];
}
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '丹', '萍', '鹏', '华', '红', '玲', '飞', '鑫', '波'];
const GROUPS = ['第一小组', '第二小组', '第三小组'];

/**
 * 30 rows: members 1–28 working with a wage, 29 working with no wage yet (reported as
 * no_wage when charging), 30 retired (keeps membership, owes nothing).
 */
function roll() {
  const rows = [];
  for (let i = 1; i <= 30; i++) {
    const male = i % 2 === 1;
    const birth = `${1968 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    const wage = i === 29 ? '' : i === 1 ? '5678.90' : `${3000 + i * 137}.${String((i * 7) % 100).padStart(2, '0')}`;
    rows.push({
      name: SURNAMES[i - 1] + GIVEN[i - 1],
      gender: male ? '男' : '女',
      id: idNumber(birth, i, male),
      birth,
      join: `${2005 + (i % 15)}-0${(i % 9) + 1}-01`,
      group: GROUPS[i % 3],
      wage,
      status: i === 30 ? '退休' : '在职',
      phone: `1390000${String(i).padStart(4, '0')}`,
      card: `GH${String(i).padStart(4, '0')}`,
    });
  }
  return rows;
}
const HEAD = '姓名,性别,身份证号,出生日期,入会日期,工会小组,月工资,状态,手机号,会员证号,备注';
const csv = (rows) => [HEAD, ...rows.map((r) => [r.name, r.gender, r.id, r.birth, r.join, r.group, r.wage, r.status, r.phone, r.card, ''].join(','))].join('\r\n') + '\r\n';

// ---------- the dues rule, in integer fen (the part under 10 元 not counted, 0.5%, half up) ----------
const fen = (s) => BigInt(s.replace('.', ''));
const dueFen = (wage) => ((fen(wage) / 1000n) * 1000n * 5n + 500n) / 1000n;
/** "2026-12-02" → "2026年12月02日", as the page shows dates. */
const zhDate = (d) => `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日`;
const yuan = (f) => {
  const s = `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;
  return s.replace(/\B(?=(\d{3})+(?!\d))/, ',');
};

async function waitContent(s, css, expected, timeout = 10000) {
  const until = Date.now() + timeout;
  let got = '';
  while (Date.now() < until) {
    got = await s.execute('const e = document.querySelector(arguments[0]); return e ? e.textContent : ""', [css]);
    if (got.includes(expected)) return got;
    await sleep(150);
  }
  throw new Error(`expected "${expected}" in ${css}, got "${got.slice(0, 400)}"`);
}

async function pickInSelect(s, testid, text) {
  await s.click(`[data-testid="${testid}"] .el-select__wrapper`);
  await s.type(input(testid), text);
  await sleep(300);
  await s.type(input(testid), ENTER, { clear: false });
  await sleep(200);
}

async function setMonth(s, testid, month) {
  await s.type(input(testid), month + ENTER);
  await sleep(300);
  const got = await s.execute(`return document.querySelector('[data-testid="${testid}"] input').value`);
  if (got !== month) throw new Error(`${testid} shows ${got}, expected ${month}`);
}

export const journeys = [
  {
    name: 'members-dues',
    async run({ s, shot, work }) {
      const rows = roll();
      const charged = rows.filter((r) => r.wage && r.status === '在职');
      const octoberTotal = charged.reduce((a, r) => a + dueFen(r.wage), 0n);
      const file = join(work, '会员名册.csv');
      writeFileSync(file, csv(rows));

      await s.find(input('setup-start-month'));
      await s.type(input('setup-start-month'), '2026-10' + ENTER);
      await sleep(200);
      await createBook(s);
      await s.find('[data-testid="login-submit"]');
      await login(s, '王会计');

      // ---- 会员: import the roll through the dialog ----
      await s.click('[data-testid="nav-members"]');
      await s.find('[data-testid="members-table"]');
      await s.click('[data-testid="members-import"]');
      await s.find('[data-testid="members-import-dialog"]');
      await s.type('[data-testid="members-import-file"] input[type=file]', file, { clear: false });
      await waitContent(s, '[data-testid="members-import-status"]', '共 30 行，全部检查通过');
      await waitContent(s, '[data-testid="members-import-status"]', '第一小组');
      const previewRows = await waitContent(s, '[data-testid="members-import-rows"]', rows[29].name);
      for (const want of [rows[0].name, '5,678.90', '退休（保留会籍）', '3210**********']) {
        if (!previewRows.includes(want)) throw new Error(`import preview lacks ${want}`);
      }
      if (previewRows.includes(rows[0].id)) throw new Error('the import preview shows a full ID number');
      await shot('import-preview');
      await s.click('[data-testid="members-import-go"]');
      await s.waitGone('[data-testid="members-import-dialog"]');
      await waitContent(s, '[data-testid="members-count"]', '共 30 人');
      await waitContent(s, '[data-testid="stat-members"]', '29');
      await waitContent(s, '[data-testid="members-table"]', rows[29].name);
      await shot('roll-imported');

      // One member: masked ID, revealed on request.
      await s.click('[data-testid="member-row-0001"]');
      await s.find('[data-testid="member-dialog"]');
      const masked = await s.execute(`return document.querySelector('[data-testid="member-id-number"] input').value`);
      if (!/^3210\*{10}\d{3}[\dX]$/.test(masked)) throw new Error(`ID should be masked, got ${masked}`);
      await s.click('[data-testid="member-reveal-id"]');
      await sleep(300);
      const full = await s.execute(`return document.querySelector('[data-testid="member-id-number"] input').value`);
      if (full !== rows[0].id) throw new Error(`revealed ID ${full}, expected ${rows[0].id}`);
      await shot('member-revealed');
      await s.click('.ul-member-dialog .el-dialog__headerbtn');
      await s.waitGone('[data-testid="member-dialog"]');

      // ---- 会费: October's charges ----
      await s.click('[data-testid="nav-dues"]');
      await s.find('[data-testid="dues-charges"]');
      await setMonth(s, 'dues-month', '2026-10');
      await s.click('[data-testid="dues-charge"]');
      await waitContent(s, '[data-testid="dues-charge-result"]', `应缴 ${charged.length} 人，合计 ¥${yuan(octoberTotal)}`);
      await waitContent(s, '[data-testid="dues-no-wage"]', rows[28].name);
      await waitContent(s, '[data-testid="dues-sum-charged"]', yuan(octoberTotal));
      await waitContent(s, '[data-testid="dues-charges"]', '28.35'); // 5,678.90 → 5,670 → 28.35
      await sleep(400);
      await shot('october-charged');

      // ---- 工资代扣: one voucher for the month ----
      await s.click('[data-testid="dues-batch"]');
      await s.find('[data-testid="dues-batch-dialog"]');
      const batchDate = await s.execute(`return document.querySelector('[data-testid="dues-batch-date"] input').value`);
      if (batchDate !== '2026-10-31') throw new Error(`batch date defaults to ${batchDate}`);
      await s.click('[data-testid="dues-batch-go"]');
      await waitContent(s, '[data-testid="dues-batch-result"]', '记-001');
      await waitContent(s, '[data-testid="dues-batch-result"]', yuan(octoberTotal));
      await waitContent(s, '[data-testid="dues-sum-outstanding"]', '¥0.00');
      await s.click('[data-testid="dues-batch-voucher"]');
      const sheet = await waitContent(s, '[data-testid="voucher-print-preview"]', '记字第 001 号');
      for (const want of ['银行存款', '会费收入', yuan(octoberTotal), '2026年10月31日']) {
        if (!sheet.includes(want)) throw new Error(`batch voucher lacks ${want}`);
      }
      await sleep(300);
      await shot('batch-voucher');
      await s.click('[data-testid="voucher-print-close"]');
      await sleep(300);

      // ---- a retroactive rise for member 0001 from October: 补缴 for the paid month ----
      await s.click('[data-testid="nav-members"]');
      await s.click('[data-testid="member-row-0001"]');
      await s.find('[data-testid="member-dialog"]');
      await s.click('#tab-wages');
      await setMonth(s, 'wage-from', '2026-10');
      await s.type(input('wage-amount'), '6789');
      await s.click('[data-testid="wage-save"]');
      await waitContent(s, '[data-testid="wage-result"]', '新增补缴 1 笔');
      await waitContent(s, '[data-testid="member-wages"]', '6,789.00');
      await shot('wage-rise');
      await s.click('.ul-member-dialog .el-dialog__headerbtn');
      await s.waitGone('[data-testid="member-dialog"]');

      // ---- November's dues, then 欠缴 ----
      await s.click('[data-testid="nav-dues"]');
      await setMonth(s, 'dues-month', '2026-11');
      await s.click('[data-testid="dues-charge"]');
      await waitContent(s, '[data-testid="dues-charge-result"]', `应缴 ${charged.length} 人`);
      await s.click('#tab-arrears');
      const backDue = dueFen('6789.00') - dueFen('5678.90'); // 33.90 − 28.35 = 5.55
      const owed = backDue + dueFen('6789.00');
      const arrears = await waitContent(s, '[data-testid="dues-arrears"]', rows[0].name);
      if (!arrears.includes(yuan(owed))) throw new Error(`arrears lack ${yuan(owed)} for 0001`);
      await shot('arrears');

      // ---- 个人缴费 in cash, then the 收据 ----
      await s.click('[data-testid="dues-pay"]');
      await s.find('[data-testid="dues-pay-dialog"]');
      await pickInSelect(s, 'dues-pay-member', '0001');
      await waitContent(s, '[data-testid="dues-pay-outstanding"]', `欠缴合计 ¥${yuan(owed)}`);
      await waitContent(s, '[data-testid="dues-pay-outstanding"]', '补缴');
      const amount = await s.execute(`return document.querySelector('[data-testid="dues-pay-amount"] input').value`);
      if (amount !== yuan(owed)) throw new Error(`amount defaults to ${amount}, expected ${yuan(owed)}`);
      // The payment date defaults to today by the app's clock (UNION_LEDGER_TODAY), not the machine's.
      const payDate = await s.execute(`return document.querySelector('[data-testid="dues-pay-date"] input').value`);
      if (payDate !== TODAY) throw new Error(`payment date defaults to ${payDate}, expected ${TODAY}`);
      await s.click('[data-testid="dues-pay-cash"]');
      await shot('pay-member');
      await s.click('[data-testid="dues-pay-go"]');
      const receipt = await waitContent(s, '[data-testid="dues-receipt-print"]', '会费收据');
      for (const want of ['叁拾玖元肆角伍分', `¥${yuan(owed)}`, rows[0].name, '现金', '2026年10月—11月', '王会计', '记-001']) {
        if (!receipt.includes(want)) throw new Error(`receipt lacks ${want}: ${receipt}`);
      }
      await sleep(300);
      await shot('receipt');
      await s.click('[data-testid="dues-receipt-print-close"]');
      await sleep(300);
      await waitContent(s, '[data-testid="dues-sum-paid"]', '33.90');

      // ---- 0001's statement for 2026 (printable) ----
      await s.click('#tab-statement');
      await pickInSelect(s, 'dues-statement-member', '0001');
      await waitContent(s, '[data-testid="dues-statement-sheet"]', '2026年度会费缴纳明细');
      await s.click('[data-testid="dues-statement-print"]');
      const st = await waitContent(s, '[data-testid="dues-statement-preview"]', '2026年10月—11月');
      for (const want of ['28.35', '33.90', '记-001', '2026-0001']) {
        if (!st.includes(want)) throw new Error(`statement lacks ${want}`);
      }
      await sleep(300);
      await shot('statement');
      await s.click('[data-testid="dues-statement-preview-close"]');
      await sleep(300);

      // ---- 收款记录 of November: by dues month the payment shows, dated today (December) ----
      const novemberDue = dueFen('6789.00'); // November charged at the new wage: 33.90
      await s.click('#tab-payments');
      const byMonth = await waitContent(s, '[data-testid="dues-payments"]', rows[0].name);
      for (const want of [zhDate(TODAY), '2026年10月、2026年11月', '现金', yuan(novemberDue), yuan(owed), '2026-0001']) {
        if (!byMonth.includes(want)) throw new Error(`November's payments lack ${want}: ${byMonth}`);
      }
      await waitContent(s, '[data-testid="dues-payments-total"]', `共 1 笔收款，计入2026年11月会费 ¥${yuan(novemberDue)}`);
      await sleep(300);
      await shot('payments-by-month');
      // By payment date November received nothing (the batch was dated 31 October, the cash today).
      await s.click('[data-testid="dues-pay-view-dated"]');
      await waitContent(s, '[data-testid="dues-payments"]', '2026年11月没有收到会费');
      await waitContent(s, '[data-testid="dues-payments-total"]', '共 0 笔收款');
      await s.click('[data-testid="dues-pay-view-settled"]');
      await waitContent(s, '[data-testid="dues-payments"]', rows[0].name);

      // ---- 撤销收款: the cash payment is undone; its voucher is reversed in red ink ----
      await s.find('[data-testid="dues-payments"] [data-testid^="dues-payment-undo-"]');
      await s.execute(`const b = [...document.querySelectorAll('[data-testid="dues-payments"] [data-testid^="dues-payment-undo-"]')]; b[0].click()`);
      await s.type('.el-message-box__input input', '收款记错，现金已退回');
      await s.click('.el-message-box__btns .el-button--primary');
      await waitContent(s, '[data-testid="dues-payments"]', '已撤销');
      await waitContent(s, '[data-testid="dues-payments-total"]', '计入2026年11月会费 ¥0.00（其中 1 笔已撤销，不计入合计）');
      await waitContent(s, '[data-testid="dues-sum-paid"]', '¥0.00');
      await sleep(300);
      await shot('payment-undone');

      // ---- 花名册 (no ID numbers) and a hardship file ----
      await s.click('[data-testid="nav-members"]');
      await waitContent(s, '[data-testid="members-count"]', '共 30 人');
      await s.click('[data-testid="members-print"]');
      const roster = await waitContent(s, '[data-testid="roster-print"]', rows[29].name);
      if (roster.includes(rows[0].id) || roster.includes('3210**')) throw new Error('the roster shows ID numbers');
      await sleep(300);
      await shot('roster');
      await s.click('[data-testid="roster-print-close"]');
      await sleep(300);
      await s.click('#tab-hardship');
      await s.click('[data-testid="hardship-open"]');
      await pickInSelect(s, 'hardship-member', '0002');
      await s.type('[data-testid="hardship-reason"] textarea', '本人重病，家庭收入低');
      await s.click('[data-testid="hardship-save"]');
      await waitContent(s, '[data-testid="hardship-table"]', rows[1].name);
      await sleep(400);
      await shot('hardship');

      // ---- a new member by hand (gender and birth date from the ID number), then deleted ----
      await s.click('#tab-roll');
      await s.click('[data-testid="members-new"]');
      await s.find('[data-testid="member-dialog"]');
      await s.type(input('member-name'), '新会员');
      await s.type(input('member-id-number'), idNumber('1996-06-15', 40, false));
      await s.type(input('member-join-date'), '2026-11-02' + ENTER);
      await sleep(200);
      await s.type(input('member-wage'), '4,000');
      await s.click('[data-testid="member-save"]');
      await s.waitGone('[data-testid="member-dialog"]');
      await waitContent(s, '[data-testid="members-count"]', '共 31 人');
      await waitContent(s, '[data-testid="stat-new"]', '1');
      await waitContent(s, '[data-testid="members-table"]', '1996年06月15日');
      await s.click('[data-testid="member-row-0031"]');
      await s.find('[data-testid="member-delete"]');
      await s.click('[data-testid="member-delete"]');
      await s.click('.el-message-box__btns .el-button--primary');
      await waitContent(s, '[data-testid="members-count"]', '共 30 人');

      // ---- the auditor reads everything and changes nothing ----
      await logout(s);
      await login(s, '张经审');
      await s.click('[data-testid="nav-members"]');
      await waitContent(s, '[data-testid="members-count"]', '共 30 人');
      await sleep(300);
      for (const c of ['members-new', 'members-import', 'headcount-set']) {
        if (await s.exists(`[data-testid="${c}"]`)) throw new Error(`auditor sees ${c}`);
      }
      await s.click('[data-testid="member-row-0001"]');
      await s.find('[data-testid="member-dialog"]');
      await sleep(300);
      for (const c of ['member-save', 'member-delete', 'wage-save']) {
        if (await s.exists(`[data-testid="${c}"]`)) throw new Error(`auditor sees ${c}`);
      }
      await shot('member-auditor');
      await s.click('.ul-member-dialog .el-dialog__headerbtn');
      await s.waitGone('[data-testid="member-dialog"]');
      await s.click('#tab-hardship');
      await waitContent(s, '[data-testid="hardship-table"]', rows[1].name);
      if (await s.exists('[data-testid="hardship-open"]')) throw new Error('auditor sees hardship-open');
      await s.click('[data-testid="nav-dues"]');
      await s.find('[data-testid="dues-charges"]');
      await sleep(300);
      for (const c of ['dues-charge', 'dues-batch', 'dues-pay']) {
        if (await s.exists(`[data-testid="${c}"]`)) throw new Error(`auditor sees ${c}`);
      }
      await shot('dues-auditor');
      await s.click('[data-testid="lang-en"]');
      await waitContent(s, '[data-testid="dues-summary"]', 'Outstanding');
      await sleep(300);
      await shot('dues-english');
      await s.click('[data-testid="lang-zh"]');
      await waitContent(s, '[data-testid="dues-summary"]', '欠缴');
    },
  },
];
