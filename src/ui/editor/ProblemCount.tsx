/**
 * Errors and warnings in the scenario, as counts next to the editor tabs; a click puts the cursor on
 * the first one.
 */
import { useAppStore, useAppStoreApi } from '../AppServices';
import { Icon } from '../icons';
import { countText, useT } from '../useT';

export function ProblemCount() {
  const t = useT();
  const store = useAppStoreApi();
  const diagnostics = useAppStore((s) => s.document.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return null;
  const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
  return (
    <button
      type="button"
      className="ag-problems"
      data-testid="problem-count"
      title={first?.message}
      onClick={() => {
        if (first !== undefined) store.getState().revealPath(first.path);
      }}
    >
      {errors > 0 ? (
        <span className="ag-problems-errors">
          <Icon name="warning" /> {countText(t, 'editor.errors', errors)}
        </span>
      ) : null}
      {warnings > 0 ? (
        <span className="ag-problems-warnings">
          <Icon name="info" /> {countText(t, 'editor.warnings', warnings)}
        </span>
      ) : null}
    </button>
  );
}
