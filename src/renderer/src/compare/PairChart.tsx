import { useTranslation } from 'react-i18next'
import type { PairStats } from '@shared/compare/pairStats'

const WIDTH = 360
const BAR = 14
const HEIGHT = 76
const pct = (value: number) => `${Math.round(value * 100)}%`

/**
 * One pair as a small SVG: a bar of the votes (wins, ties, both bad, losses) and the win rate
 * as a dot on 0–100% with its 95% Wilson interval as a line; the dashed mark is 50%.
 */
export function PairChart({ pair }: { pair: PairStats }) {
  const { t } = useTranslation()
  const x = (share: number) => share * WIDTH
  const parts = [
    { key: 'wins', count: pair.wins, className: 'chart-win' },
    { key: 'ties', count: pair.ties, className: 'chart-tie' },
    { key: 'bothBad', count: pair.bothBad, className: 'chart-bad' },
    { key: 'losses', count: pair.losses, className: 'chart-loss' },
  ] as const
  let offset = 0
  const summary = t('stats.chartSummary', {
    wins: pair.wins,
    losses: pair.losses,
    ties: pair.ties,
    bothBad: pair.bothBad,
    rate: pair.winRate === null ? '–' : pct(pair.winRate),
    low: pct(pair.low),
    high: pct(pair.high),
  })
  return (
    <svg
      className="pair-chart"
      viewBox={`-4 0 ${WIDTH + 8} ${HEIGHT}`}
      width={WIDTH + 8}
      height={HEIGHT}
      role="img"
      aria-label={summary}
    >
      <title>{summary}</title>
      {pair.count > 0 &&
        parts.map((part) => {
          const width = x(part.count / pair.count)
          const rect = (
            <rect
              key={part.key}
              className={part.className}
              x={x(offset / pair.count)}
              y={4}
              width={width}
              height={BAR}
            />
          )
          offset += part.count
          return rect
        })}
      <line className="chart-axis" x1={0} x2={WIDTH} y1={40} y2={40} />
      <line className="chart-half" x1={x(0.5)} x2={x(0.5)} y1={28} y2={52} />
      <line
        className="chart-interval"
        data-testid="wilson-interval"
        x1={x(pair.low)}
        x2={x(pair.high)}
        y1={40}
        y2={40}
      />
      <line className="chart-interval" x1={x(pair.low)} x2={x(pair.low)} y1={35} y2={45} />
      <line className="chart-interval" x1={x(pair.high)} x2={x(pair.high)} y1={35} y2={45} />
      {pair.winRate !== null && (
        <circle className="chart-rate" cx={x(pair.winRate)} cy={40} r={4.5} />
      )}
      <text className="chart-tick" x={0} y={57}>
        0%
      </text>
      <text className="chart-tick" x={x(0.5)} y={57} textAnchor="middle">
        50%
      </text>
      <text className="chart-tick" x={WIDTH} y={57} textAnchor="end">
        100%
      </text>
      {parts.map((part, index) => (
        <g key={part.key} transform={`translate(${index * 90}, 64)`}>
          <rect className={part.className} width={9} height={9} />
          <text className="chart-tick" x={13} y={8}>
            {t(`stats.legend.${part.key}`)}
          </text>
        </g>
      ))}
    </svg>
  )
}
