/**
 * The legend: what each line, colour, shape and mark means (UI.md "Meaning of colour"), drawn with
 * the same tokens and icons as the canvas.
 */
import { iconUri } from '../../graph/icons';
import type { Theme } from '../../graph/tokens';
import { TOKENS } from '../../graph/tokens';
import type { LeafType } from '../../graph/vocabulary';

interface LineSample {
  readonly label: string;
  readonly colour: string;
  readonly dash?: string;
  readonly end: 'arrow' | 'bar' | 'none';
  readonly width?: number;
}

function Line({ colour, dash, end, width = 2 }: LineSample) {
  return (
    <svg width="40" height="14" viewBox="0 0 40 14" aria-hidden="true">
      <line
        x1="2"
        y1="7"
        x2={end === 'none' ? 38 : 31}
        y2="7"
        stroke={colour}
        strokeWidth={width}
        strokeDasharray={dash}
        strokeLinecap="round"
      />
      {end === 'arrow' ? <path d="M30 2.5 L38 7 L30 11.5 Z" fill={colour} /> : null}
      {end === 'bar' ? <path d="M35 1.5 V12.5" stroke={colour} strokeWidth="3" /> : null}
    </svg>
  );
}

const NODE_SAMPLES: readonly (readonly [LeafType, string])[] = [
  ['user', 'User'],
  ['group', 'Group'],
  ['role', 'Role'],
  ['session', 'Role session'],
  ['service', 'AWS service'],
  ['idp', 'Identity provider'],
  ['anonymous', 'Anyone (public)'],
  ['share', 'RAM share'],
  ['bucket', 'S3 bucket'],
  ['kms-key', 'KMS key'],
  ['secret', 'Secret'],
  ['table', 'Table'],
  ['queue', 'Queue'],
  ['topic', 'Topic'],
  ['function', 'Function'],
  ['repository', 'Repository'],
  ['subnet', 'Subnet'],
  ['transit-gateway', 'Transit gateway'],
  ['resource', 'Other resource'],
];

/** The legend panel. */
export function GraphLegend({ theme }: { readonly theme: Theme }) {
  const t = TOKENS[theme];
  const lines: readonly LineSample[] = [
    { label: 'Can assume, allowed', colour: t.allowed, end: 'arrow' },
    { label: 'Conditional (needs ExternalId, MFA…)', colour: t.conditional, dash: '5 3', end: 'arrow' },
    { label: 'Blocked (SCP, RCP, Deny…)', colour: t.denied, end: 'bar' },
    { label: 'RAM share', colour: t.share, dash: '1.5 3', end: 'arrow' },
    { label: 'Resource policy grants (on demand)', colour: t.textFaint, end: 'arrow', width: 1.2 },
    { label: 'Effective access: thicker = more access levels', colour: t.allowed, end: 'arrow', width: 4 },
  ];
  return (
    <div className="ag-g-surface ag-g-legend" role="region" aria-label="Legend" data-testid="graph-legend">
      <h3>Edges</h3>
      <ul className="ag-g-legend-wide">
        {lines.map((line) => (
          <li key={line.label}>
            <Line {...line} />
            {line.label}
          </li>
        ))}
      </ul>
      <h3>Nodes</h3>
      <ul>
        {NODE_SAMPLES.map(([type, label]) => (
          <li key={type}>
            <img
              src={iconUri(
                type,
                type === 'anonymous' ? t.external : type === 'share' ? t.share : t.principal,
              )}
              width="16"
              height="16"
              alt=""
            />
            {label}
          </li>
        ))}
      </ul>
      <h3>Marks</h3>
      <ul className="ag-g-legend-wide">
        <li>
          <svg width="40" height="18" viewBox="0 0 40 18" aria-hidden="true">
            <circle cx="20" cy="9" r="6" fill={t.nodeFill} stroke={t.external} strokeWidth="1.5" />
            <circle cx="20" cy="9" r="8.2" fill="none" stroke={t.external} strokeWidth="1.6" />
          </svg>
          Purple ring: outside the organization
        </li>
        <li>
          <svg width="40" height="18" viewBox="0 0 40 18" aria-hidden="true">
            <circle cx="20" cy="9" r="6.5" fill={t.nodeFill} stroke={t.nodeBorder} strokeWidth="1.5" />
            <circle cx="26" cy="4.5" r="4" fill={t.denied} />
          </svg>
          Badge: a finding (red high, amber medium)
        </li>
        <li>
          <svg width="40" height="18" viewBox="0 0 40 18" aria-hidden="true">
            <circle cx="20" cy="9" r="8.5" fill={t.accent} opacity="0.25" />
            <circle cx="20" cy="9" r="6" fill={t.nodeFill} stroke={t.accent} strokeWidth="2.5" />
          </svg>
          Blue glow: the selection and its paths
        </li>
        <li>
          <svg width="40" height="18" viewBox="0 0 40 18" aria-hidden="true">
            <circle
              cx="20"
              cy="9"
              r="6"
              fill={t.nodeFill}
              stroke={t.conditional}
              strokeWidth="2"
              strokeDasharray="3 2"
            />
          </svg>
          Dashed ring: reached only under conditions
        </li>
      </ul>
    </div>
  );
}
