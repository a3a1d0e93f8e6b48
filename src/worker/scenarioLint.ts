/**
 * The catalog lint of an edited scenario, one document at a time. A document's warnings depend on the
 * document and the catalog only, and an incremental parse (`parseScenarioTextFrom`) hands back the
 * same document object for every document the edit did not touch, at the same JSON path and with the
 * same text. So each document's warnings, with their spots measured from the document's own start,
 * are kept per document object; after an edit only the edited document is linted and located again,
 * and the others' spots move with their document's start.
 */
import type { Catalog } from '../catalog/Catalog';
import { lintPoliciesEach, lintServicesOf, scenarioDocuments } from '../catalog/lintScenario';
import { resolveDiagnostics, spotOf, type TextSpot } from '../model/collector';
import type { Diagnostic } from '../model/diagnostics';
import { siteStart, siteText, textLines, type TextParse } from '../model/incrementalParse';
import type { JsonPath } from '../model/ids';
import { parseJsonText } from '../model/json';
import type { PolicyDocument } from '../model/policy';

/** One warning of a document, and where it is measured from the document's first character. */
interface Located {
  readonly diagnostic: Diagnostic;
  /** `undefined` when the document was not a site of the text it was linted in (located in full instead). */
  readonly local: TextSpot | undefined;
}

/** Warnings per document object; held by the dispatcher for the catalog it lints with. */
export type LintMemo = WeakMap<PolicyDocument, readonly Located[]>;

export function createLintMemo(): LintMemo {
  return new WeakMap();
}

function below(path: JsonPath, prefix: JsonPath): JsonPath {
  return path.slice(prefix.length);
}

/** Lints and locates the documents the memo does not hold yet. */
function lintFresh(
  memo: LintMemo,
  parse: TextParse,
  documents: readonly PolicyDocument[],
  catalog: Catalog,
): void {
  const warnings = lintPoliciesEach(documents, catalog);
  documents.forEach((document, i) => {
    const list = warnings[i] ?? [];
    if (list.length === 0) {
      memo.set(document, []);
      return;
    }
    const site = siteText(parse, document.path);
    memo.set(
      document,
      list.map((diagnostic) => ({
        diagnostic,
        local:
          site === undefined
            ? undefined
            : spotOf(
                {
                  code: diagnostic.code,
                  severity: diagnostic.severity,
                  message: diagnostic.message,
                  path: below(diagnostic.path, document.path),
                },
                site.root,
              ),
      })),
    );
  });
}

/**
 * The parser's diagnostics followed by the catalog lint's (unknown actions, resource types that do not
 * fit, condition keys and operators), each with its line and column in the parse's text. The lint only
 * warns, so a catalog that fails to load costs the warnings, never the analysis.
 */
export async function diagnosticsWithLint(
  memo: LintMemo,
  parse: TextParse,
  catalog: Catalog | undefined,
): Promise<readonly Diagnostic[]> {
  const { scenario, diagnostics } = parse.result;
  if (scenario === undefined || catalog === undefined) return diagnostics;
  try {
    const documents = scenarioDocuments(scenario);
    const fresh = documents.filter((document) => !memo.has(document));
    if (fresh.length > 0) {
      await catalog.loadServices(lintServicesOf(fresh));
      lintFresh(memo, parse, fresh, catalog);
    }
    const lines = textLines(parse);
    const out: Diagnostic[] = [...diagnostics];
    let unplaced: Diagnostic[] | undefined;
    for (const document of documents) {
      const located = memo.get(document) ?? [];
      if (located.length === 0) continue;
      const start = siteStart(parse, document.path);
      for (const { diagnostic, local } of located) {
        if (local === undefined || start === undefined || lines === undefined) {
          (unplaced ??= []).push(diagnostic);
          out.push(diagnostic);
        } else out.push({ ...diagnostic, range: lines.rangeOf(start + local.offset, local.length) });
      }
    }
    if (unplaced === undefined) return out;
    // A document the sites do not cover (a duplicated key, say): locate its warnings in the whole text.
    const { root, lines: all } = parseJsonText(parse.text);
    const located = resolveDiagnostics(
      unplaced.map(({ code, severity, message, path }) => ({ code, severity, message, path })),
      root,
      all,
    );
    const resolved = new Map(unplaced.map((d, i) => [d, located[i] ?? d] as const));
    return out.map((d) => resolved.get(d) ?? d);
  } catch {
    return diagnostics;
  }
}
