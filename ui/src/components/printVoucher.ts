// window.print() for the voucher sheet: marks <body> for the print CSS in VoucherPrint.vue and
// sets @page to the chosen paper (A4 portrait, or half-A4 = A5 landscape) until printing ends.
import type { PaperSize } from './VoucherPrint.vue'

const STYLE_ID = 'ul-voucher-page'

export function pageCss(paper: PaperSize): string {
  return paper === 'half'
    ? '@page { size: 210mm 148mm; margin: 6mm 8mm; }'
    : '@page { size: A4 portrait; margin: 12mm 10mm; }'
}

export function printVoucher(paper: PaperSize): void {
  let style = document.getElementById(STYLE_ID) as HTMLStyleElement | null
  if (!style) {
    style = document.createElement('style')
    style.id = STYLE_ID
    document.head.appendChild(style)
  }
  style.textContent = `@media print { ${pageCss(paper)} }`
  document.body.classList.add('ul-printing-voucher')
  const done = () => {
    document.body.classList.remove('ul-printing-voucher')
    style?.remove()
    window.removeEventListener('afterprint', done)
  }
  window.addEventListener('afterprint', done)
  try {
    window.print()
  } finally {
    // WebKitGTK's print() returns after the dialog closes; afterprint may not fire everywhere.
    setTimeout(done, 1000)
  }
}
