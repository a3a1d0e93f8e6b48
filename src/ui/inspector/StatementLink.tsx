/**
 * A statement named in an explanation: its Sid (or number), its policy and owner; a click puts the
 * editor's cursor on its line.
 */
import type { StatementRef } from '../../engine/types';
import { useAppStoreApi } from '../AppServices';
import { useT } from '../useT';
import { policyKindKey } from './explainText';

function shortOwner(owner: string): string {
  return owner.slice(Math.max(owner.lastIndexOf('/'), owner.lastIndexOf(':')) + 1) || owner;
}

export function StatementLink({ statement }: { readonly statement: StatementRef }) {
  const t = useT();
  const store = useAppStoreApi();
  const { policy } = statement;
  const name =
    policy.kind === 'trust' || policy.kind === 'resource'
      ? shortOwner(policy.owner)
      : shortOwner(policy.name);
  const label =
    statement.sid === undefined ? t('statement.numbered', { index: statement.index + 1 }) : statement.sid;
  return (
    <button
      type="button"
      className="ag-statement"
      data-effect={statement.effect}
      data-testid="statement-link"
      title={t('statement.jump')}
      disabled={statement.path.length === 0}
      onClick={() => store.getState().revealPath(statement.path)}
    >
      <span className="ag-effect" data-effect={statement.effect}>
        {statement.effect}
      </span>
      <span className="ag-statement-sid">{label}</span>
      <span className="ag-statement-policy">
        {t(policyKindKey(policy.kind))} · {name}
        {policy.via === undefined ? null : ` · ${t('statement.viaShare', { share: policy.via })}`}
      </span>
    </button>
  );
}
