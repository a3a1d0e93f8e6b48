/**
 * The words on a focused editor tab.
 */
import { formatJsonPath, type JsonPath } from '../../model/ids';
import type { PolicyTab } from '../../state/policyTabs';
import type { Translate } from '../i18n';

/** A tab's label: what the document is and whose. */
export function tabLabel(t: Translate, tab: PolicyTab): string {
  switch (tab.kind) {
    case 'trust':
      return t('editor.tab.trust', { owner: tab.owner });
    case 'identity':
      return tab.name === '' ? t('editor.tab.identityUnnamed', { owner: tab.owner }) : tab.name;
    case 'group':
      return t('editor.tab.group', { name: tab.name, group: tab.owner });
    case 'boundary':
      return t('editor.tab.boundary', { name: tab.name });
    case 'resource':
      return t('editor.tab.resource', { owner: tab.owner });
    case 'session':
      return t('editor.tab.session', { name: tab.name === '' ? tab.owner : tab.name });
    case 'scp':
      return t('editor.tab.scp', { name: tab.name });
    case 'rcp':
      return t('editor.tab.rcp', { name: tab.name });
  }
}

/** The label of a draft whose tab is no longer among the selection's: its location. */
export function orphanLabel(path: JsonPath): string {
  return formatJsonPath(path).slice(2);
}
