// window.print() for a sheet shown in PrintPreviewDialog (花名册, 收据, 会费明细, …): marks
// <body> so the print CSS keeps only the dialog's sheet, and sets @page to the chosen paper
// until printing ends. Same approach as printVoucher.ts, with its own body class.
export type SheetPaper = 'a4' | 'a4-landscape' | 'half'

const STYLE_ID = 'ul-sheet-page'
export const PRINTING_CLASS = 'ul-printing-sheet'

export function sheetPageCss(paper: SheetPaper): string {
  if (paper === 'half') return '@page { size: 210mm 148mm; margin: 8mm 10mm; }'
  if (paper === 'a4-landscape') return '@page { size: A4 landscape; margin: 10mm 10mm; }'
  return '@page { size: A4 portrait; margin: 12mm 12mm; }'
}

export function printSheet(paper: SheetPaper): void {
  let style = document.getElementById(STYLE_ID) as HTMLStyleElement | null
  if (!style) {
    style = document.createElement('style')
    style.id = STYLE_ID
    document.head.appendChild(style)
  }
  style.textContent = `@media print { ${sheetPageCss(paper)} }`
  document.body.classList.add(PRINTING_CLASS)
  const done = () => {
    document.body.classList.remove(PRINTING_CLASS)
    style?.remove()
    window.removeEventListener('afterprint', done)
  }
  window.addEventListener('afterprint', done)
  try {
    window.print()
  } finally {
    setTimeout(done, 1000)
  }
}
