-- Welfare payouts (慰问发放): batches, their recipients, the chair's overrides of spending
-- rules, and the rules table (provincial caps with effective dates and source citations).

-- A payout batch. States: draft → (submitted → approved, when the book requires the chair's
-- approval of spending) → posted → reversed. A posted batch is linked to its one voucher.
CREATE TABLE welfare_batches (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL,              -- festival, womens_day, birthday, … (welfare::rules::KINDS)
    occasion            TEXT NOT NULL DEFAULT '',   -- 春节, 中秋, … for festival batches
    name                TEXT NOT NULL,
    date                TEXT NOT NULL,
    form                TEXT NOT NULL CHECK (form IN ('goods', 'cash', 'ticket')),   -- 购物卡/代金券 never
    goods               TEXT NOT NULL DEFAULT '',
    supplier            TEXT NOT NULL DEFAULT '',
    pay_from            TEXT NOT NULL CHECK (pay_from IN ('cash', 'bank')),
    account_code        TEXT NOT NULL,
    default_amount_fen  INTEGER CHECK (default_amount_fen IS NULL OR default_amount_fen >= 0),
    note                TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'posted', 'reversed')),
    -- Approval (审批) by the chair when the book setting approval_required is "1".
    submitted_by        INTEGER REFERENCES users(id),
    submitted_at        TEXT,
    approved_by         INTEGER REFERENCES users(id),
    approved_at         TEXT,
    approval_note       TEXT NOT NULL DEFAULT '',
    -- Posting and reversal.
    voucher_id          INTEGER REFERENCES journal_vouchers(id),
    posted_by           INTEGER REFERENCES users(id),
    posted_at           TEXT,
    reversal_voucher_id INTEGER REFERENCES journal_vouchers(id),
    reversed_reason     TEXT NOT NULL DEFAULT '',
    reversed_at         TEXT,
    created_by          INTEGER NOT NULL REFERENCES users(id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX welfare_batches_by_date ON welfare_batches(date);
CREATE INDEX welfare_batches_by_status ON welfare_batches(status, date);

CREATE TABLE welfare_recipients (
    id          INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL REFERENCES welfare_batches(id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members(id),
    amount_fen  INTEGER NOT NULL CHECK (amount_fen >= 0),
    note        TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT 'hand',       -- rule:<name> | hand | import
    UNIQUE (batch_id, member_id)
) STRICT;
CREATE INDEX welfare_recipients_by_member ON welfare_recipients(member_id);

-- The chair's written override of the spending-rule breaches of a batch. Valid only while
-- the batch is exactly as it was (fingerprint); kept forever for the audit committee.
CREATE TABLE welfare_overrides (
    id           INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES welfare_batches(id),
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    breaches     TEXT NOT NULL,                     -- JSON array of the breaches overridden
    fingerprint  TEXT NOT NULL,
    chair_id     INTEGER NOT NULL REFERENCES users(id),
    recorded_by  INTEGER NOT NULL REFERENCES users(id),
    at           TEXT NOT NULL
) STRICT;
CREATE INDEX welfare_overrides_by_batch ON welfare_overrides(batch_id);

-- Spending rules (慰问标准): a cap per province, item and effective date, with its source.
CREATE TABLE welfare_rules (
    id             INTEGER PRIMARY KEY,
    province       TEXT NOT NULL,
    item           TEXT NOT NULL,                   -- festival, birthday, wedding, childbirth, sick, death_member, death_relative, retirement, hardship
    effective_from TEXT NOT NULL,
    cap_fen        INTEGER NOT NULL CHECK (cap_fen >= 0),
    per            TEXT NOT NULL CHECK (per IN ('year', 'event')),   -- per member per calendar year, or per payout
    source         TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (province, item, effective_from)
) STRICT;

-- Posted batches and their recipients are fixed; only the reversal may be recorded.
CREATE TRIGGER welfare_batches_posted_fixed
BEFORE UPDATE OF kind, occasion, name, date, form, goods, supplier, pay_from, account_code, voucher_id, posted_by, posted_at
ON welfare_batches WHEN OLD.status IN ('posted', 'reversed')
BEGIN SELECT RAISE(ABORT, 'a posted welfare batch is immutable'); END;
CREATE TRIGGER welfare_batches_status_forward BEFORE UPDATE OF status ON welfare_batches
WHEN (OLD.status = 'reversed' AND NEW.status <> 'reversed') OR (OLD.status = 'posted' AND NEW.status NOT IN ('posted', 'reversed'))
BEGIN SELECT RAISE(ABORT, 'a posted welfare batch can only be reversed'); END;
CREATE TRIGGER welfare_batches_posted_no_delete BEFORE DELETE ON welfare_batches
WHEN OLD.status IN ('posted', 'reversed')
BEGIN SELECT RAISE(ABORT, 'a posted welfare batch is immutable'); END;
CREATE TRIGGER welfare_recipients_frozen_insert BEFORE INSERT ON welfare_recipients
WHEN (SELECT status FROM welfare_batches WHERE id = NEW.batch_id) IN ('posted', 'reversed')
BEGIN SELECT RAISE(ABORT, 'recipients of a posted welfare batch are immutable'); END;
CREATE TRIGGER welfare_recipients_frozen_update BEFORE UPDATE ON welfare_recipients
WHEN (SELECT status FROM welfare_batches WHERE id = OLD.batch_id) IN ('posted', 'reversed')
BEGIN SELECT RAISE(ABORT, 'recipients of a posted welfare batch are immutable'); END;
CREATE TRIGGER welfare_recipients_frozen_delete BEFORE DELETE ON welfare_recipients
WHEN (SELECT status FROM welfare_batches WHERE id = OLD.batch_id) IN ('posted', 'reversed')
BEGIN SELECT RAISE(ABORT, 'recipients of a posted welfare batch are immutable'); END;
CREATE TRIGGER welfare_overrides_no_update BEFORE UPDATE ON welfare_overrides
BEGIN SELECT RAISE(ABORT, 'overrides are kept as recorded'); END;
CREATE TRIGGER welfare_overrides_no_delete BEFORE DELETE ON welfare_overrides
BEGIN SELECT RAISE(ABORT, 'overrides are kept as recorded'); END;

-- Preloaded from the domain brief §1.6 (secondary sources; each row says where it came from).
-- Amounts in fen. Dates the sources do not give are marked in the note.
INSERT INTO welfare_rules (province, item, effective_from, cap_fen, per, source, note) VALUES
 ('黑龙江', 'festival', '2017-01-01', 100000, 'year', '黑龙江省总工会 2017 年补充通知 [S] http://www.handmsg.com/page/2017/0407/1473162.shtml', '节日慰问品全年合计；生效日期按 2017 年记'),
 ('陕西', 'festival', '2014-01-01', 100000, 'year', '陕西省总工会意见（约 2014 年）[S] http://soolun.net/periodical/48c79a02a92b0973ed5e46193582a85d.html', '一般一年不超过 3 次；生效日期未核实'),
 ('山西', 'festival', '2018-01-01', 150000, 'year', '山西实施办法 [S] https://jxxfw.com/periodical/fcdbe172cfaf475d545903ed7c73e3f9.html', '慰问品或慰问金；生效日期未核实'),
 ('福建', 'festival', '2018-01-01', 130000, 'year', '福建省实施办法（2018-01-01 起）[S] http://www.jusar.cn/a/n9JSY5CI87963506.html', '不得发放现金、购物卡'),
 ('福建', 'birthday', '2018-01-01', 30000, 'year', '福建省实施办法（2018-01-01 起）[S] http://www.jusar.cn/a/n9JSY5CI87963506.html', ''),
 ('福建', 'childbirth', '2018-01-01', 50000, 'event', '福建省实施办法（2018-01-01 起）[S] http://www.jusar.cn/a/n9JSY5CI87963506.html', ''),
 ('福建', 'retirement', '2018-01-01', 50000, 'event', '福建省实施办法（2018-01-01 起）[S] http://www.jusar.cn/a/n9JSY5CI87963506.html', ''),
 ('福建', 'sick', '2018-01-01', 50000, 'event', '福建省实施办法（2018-01-01 起）[S] http://www.jusar.cn/a/n9JSY5CI87963506.html', '动手术的不超过 1000 元（须主席批准超标）'),
 ('福建', 'death_member', '2018-01-01', 200000, 'event', '福建省实施办法（2018-01-01 起）[S] http://www.jusar.cn/a/n9JSY5CI87963506.html', ''),
 ('福建', 'death_relative', '2018-01-01', 100000, 'event', '福建省实施办法（2018-01-01 起）[S] http://www.jusar.cn/a/n9JSY5CI87963506.html', '配偶、父母、子女'),
 ('安徽', 'festival', '2018-04-28', 150000, 'year', '安徽省实施办法（2018 试行）[S] https://feifmx.com/socialgd/10000169/20180428/32358486_2.html', '后续版本（≤2000）日期未明，未录入'),
 ('安徽', 'birthday', '2018-04-28', 30000, 'year', '安徽省实施办法（2018 试行）[S] https://feifmx.com/socialgd/10000169/20180428/32358486_2.html', ''),
 ('安徽', 'wedding', '2018-04-28', 60000, 'event', '安徽省实施办法（2018 试行）[S] https://feifmx.com/socialgd/10000169/20180428/32358486_2.html', '可发现金'),
 ('安徽', 'childbirth', '2018-04-28', 60000, 'event', '安徽省实施办法（2018 试行）[S] https://feifmx.com/socialgd/10000169/20180428/32358486_2.html', '可发现金'),
 ('安徽', 'sick', '2018-04-28', 100000, 'event', '安徽省实施办法（2018 试行）[S] https://feifmx.com/socialgd/10000169/20180428/32358486_2.html', ''),
 ('安徽', 'death_member', '2018-04-28', 200000, 'event', '安徽省实施办法（2018 试行）[S] https://feifmx.com/socialgd/10000169/20180428/32358486_2.html', ''),
 ('安徽', 'death_relative', '2018-04-28', 100000, 'event', '安徽省实施办法（2018 试行）[S] https://feifmx.com/socialgd/10000169/20180428/32358486_2.html', ''),
 ('安徽', 'retirement', '2018-04-28', 100000, 'event', '安徽省实施办法（2018 试行）[S] https://feifmx.com/socialgd/10000169/20180428/32358486_2.html', ''),
 ('贵州', 'birthday', '2018-01-01', 30000, 'year', '贵州暂行细则 [S] https://feifmx.com/socialgd/10000169/20180428/32358486_2.html', '节日：春节≤500、其他节日每次≤200（按次，未录为年度限额）；生效日期未核实'),
 ('湖北', 'festival', '2018-01-01', 120000, 'year', '鄂工发〔2018〕6号 [S] https://jw.wust.edu.cn/info/1361/7471.htm', '经费充裕的企业工会≤1500；可发提货券，不得发现金、购物卡'),
 ('湖北', 'birthday', '2018-01-01', 30000, 'year', '鄂工发〔2018〕6号 [S] https://jw.wust.edu.cn/info/1361/7471.htm', ''),
 ('湖北', 'wedding', '2018-01-01', 100000, 'event', '鄂工发〔2018〕6号 [S] https://jw.wust.edu.cn/info/1361/7471.htm', ''),
 ('湖北', 'childbirth', '2018-01-01', 50000, 'event', '鄂工发〔2018〕6号 [S] https://jw.wust.edu.cn/info/1361/7471.htm', ''),
 ('湖北', 'retirement', '2018-01-01', 100000, 'event', '鄂工发〔2018〕6号 [S] https://jw.wust.edu.cn/info/1361/7471.htm', ''),
 ('湖北', 'sick', '2018-01-01', 100000, 'event', '鄂工发〔2018〕6号 [S] https://jw.wust.edu.cn/info/1361/7471.htm', ''),
 ('湖北', 'death_member', '2018-01-01', 100000, 'event', '鄂工发〔2018〕6号 [S] https://jw.wust.edu.cn/info/1361/7471.htm', ''),
 ('湖北', 'death_relative', '2018-01-01', 100000, 'event', '鄂工发〔2018〕6号 [S] https://jw.wust.edu.cn/info/1361/7471.htm', ''),
 ('四川', 'festival', '2018-01-01', 210000, 'year', '四川实施办法 [S] http://www.tongfu2017.com/content.html?id=40842', '生效日期未核实'),
 ('四川', 'birthday', '2018-01-01', 30000, 'year', '四川实施办法 [S] http://www.tongfu2017.com/content.html?id=40842', ''),
 ('四川', 'wedding', '2018-01-01', 50000, 'event', '四川实施办法 [S] http://www.tongfu2017.com/content.html?id=40842', ''),
 ('四川', 'childbirth', '2018-01-01', 50000, 'event', '四川实施办法 [S] http://www.tongfu2017.com/content.html?id=40842', ''),
 ('四川', 'death_member', '2018-01-01', 200000, 'event', '四川实施办法 [S] http://www.tongfu2017.com/content.html?id=40842', ''),
 ('四川', 'death_relative', '2018-01-01', 100000, 'event', '四川实施办法 [S] http://www.tongfu2017.com/content.html?id=40842', ''),
 ('四川', 'retirement', '2018-01-01', 50000, 'event', '四川实施办法 [S] http://www.tongfu2017.com/content.html?id=40842', ''),
 ('山东', 'festival', '2018-01-01', 160000, 'year', '山东省总工会（2019 年前标准）[S] https://meili.lywww.com/info_13197.html', '生效日期未核实'),
 ('山东', 'festival', '2019-06-24', 200000, 'year', '山东省总工会 2019-06-24 通知 [S] https://meili.lywww.com/info_13197.html', '市级工会可定更低标准'),
 ('内蒙古', 'festival', '2018-01-01', 200000, 'year', '内蒙古自治区总工会（2023 年前标准）[S] http://www.imline.cn/news/yaowen/2022/122533T02022.html', '生效日期未核实'),
 ('内蒙古', 'festival', '2023-01-01', 250000, 'year', '内蒙古自治区总工会（2023 年起）[S] http://www.imline.cn/news/yaowen/2022/122533T02022.html', ''),
 ('北京', 'birthday', '2019-01-01', 30000, 'year', '北京市总工会 2019 年规定 [S] https://www.chinanews.com/sh/2019/01-06/8721281.shtml', '须实名签收；节日慰问不按人定额，全年总额≤预算收入的 50%（本表未录）'),
 ('江苏', 'festival', '2018-01-01', 180000, 'year', '苏工发〔2018〕13号 下某单位的执行标准 [S] https://jd.jswater.org.cn/jdsl/ztbd/zgzj/zzjgyzdjs/art/2019/art_34b1be88bf884bf6bddc06c18c8e9344.html', '单位示例（春节800、端午500、中秋500），非全省统一标准，请按本地规定核改'),
 ('江苏', 'birthday', '2018-01-01', 40000, 'year', '苏工发〔2018〕13号 下某单位的执行标准 [S] https://jd.jswater.org.cn/jdsl/ztbd/zgzj/zzjgyzdjs/art/2019/art_34b1be88bf884bf6bddc06c18c8e9344.html', '单位示例，非全省统一标准，请按本地规定核改');
