// The CSV template for 导入凭证: the header row the importer expects and one example voucher
// (two rows sharing 凭证号 1). UTF-8 with a BOM so Chinese Excel opens it without mojibake.
export const TEMPLATE_HEADERS = ['日期', '凭证号', '摘要', '科目编码', '借方金额', '贷方金额', '附件数'] as const

export function templateCsv(exampleDate: string): string {
  const rows: string[][] = [
    [...TEMPLATE_HEADERS],
    [exampleDate, '1', '发放会员生日慰问', '50105', '1200.00', '', '2'],
    [exampleDate, '1', '发放会员生日慰问', '102', '', '1200.00', '2'],
  ]
  return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}
