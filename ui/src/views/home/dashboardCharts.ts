// Chart options for the dashboard. Amounts arrive as two-decimal strings; they become JS
// numbers here ONLY to be plotted (axis scale, bar length). No arithmetic on money happens
// with these numbers — every figure shown as text comes from the strings, formatted.
import type { EChartsCoreOption } from 'echarts/core'
import { formatMoney } from '@/utils/money'
import type { Dashboard } from '@/bindings'

/** A decimal string → a number for plotting only (null stays a gap in a line). */
export function plotValue(v: string | null): number | null {
  if (v === null || v === undefined || v === '') return null
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}

const INCOME = '#2f7d32'
const SPENDING = '#c0392b'
const BALANCE = '#1f5fa8'

function moneyTooltip(params: unknown): string {
  const list = (Array.isArray(params) ? params : [params]) as { axisValueLabel?: string; marker?: string; seriesName?: string; data?: { text?: string } | number | null }[]
  const head = list[0]?.axisValueLabel ?? ''
  const rows = list.map((p) => {
    const d = p.data
    const text = d && typeof d === 'object' ? (d.text ?? '') : ''
    return `${p.marker ?? ''}${p.seriesName ?? ''}：${text}`
  })
  return [head, ...rows].join('<br/>')
}

/** A data point carrying the exact formatted amount for the tooltip. */
function point(v: string | null) {
  return { value: plotValue(v), text: v === null ? '' : formatMoney(v) }
}

export function monthlyOption(d: Dashboard, labels: { month: (m: number) => string; income: string; spending: string }): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', formatter: moneyTooltip },
    legend: { top: 0 },
    grid: { left: 8, right: 12, top: 32, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: d.months.map((_, i) => labels.month(i + 1)) },
    yAxis: { type: 'value' },
    series: [
      { name: labels.income, type: 'bar', itemStyle: { color: INCOME }, data: d.months.map((m) => point(m.income)) },
      { name: labels.spending, type: 'bar', itemStyle: { color: SPENDING }, data: d.months.map((m) => point(m.spending)) },
    ],
  }
}

export function balanceOption(d: Dashboard, labels: { month: (m: number) => string; balance: string }): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', formatter: moneyTooltip },
    grid: { left: 8, right: 12, top: 16, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: d.months.map((_, i) => labels.month(i + 1)) },
    yAxis: { type: 'value', scale: true },
    series: [
      {
        name: labels.balance,
        type: 'line',
        smooth: false,
        symbolSize: 7,
        itemStyle: { color: BALANCE },
        data: d.months.map((m) => point(m.balance)),
      },
    ],
  }
}

export function budgetOption(d: Dashboard, labels: { budget: string; actual: string }): EChartsCoreOption {
  // Horizontal bars, first category on top.
  const cats = [...d.budget.categories].reverse()
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: moneyTooltip },
    legend: { top: 0 },
    grid: { left: 8, right: 48, top: 32, bottom: 4, containLabel: true },
    xAxis: { type: 'value', splitNumber: 2, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: cats.map((c) => c.name) },
    series: [
      { name: labels.budget, type: 'bar', itemStyle: { color: '#b0bec5' }, data: cats.map((c) => point(c.budget)) },
      {
        name: labels.actual,
        type: 'bar',
        itemStyle: { color: SPENDING },
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => (cats[p.dataIndex].execution ? `${cats[p.dataIndex].execution}%` : '') },
        data: cats.map((c) => point(c.actual)),
      },
    ],
  }
}
