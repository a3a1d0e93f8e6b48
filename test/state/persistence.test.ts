import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, parseAutosave, PREFS_KEY, trimStack, writeAutosave, type Autosave } from '../../src/state/persistence';
import { DEFAULT_LAYOUT, parseViewPrefs, serializeViewPrefs } from '../../src/state/viewPrefs';
import { LESSON_TEXT, mapStorage, settle, testStore } from './harness';

describe('autosave', () => {
  it('parses only its own version and drops damaged drafts', () => {
    expect(parseAutosave(null)).toBeUndefined();
    expect(parseAutosave('{not json')).toBeUndefined();
    expect(parseAutosave(JSON.stringify({ v: 2, text: 'x' }))).toBeUndefined();
    expect(parseAutosave(JSON.stringify({ v: 1, text: 42 }))).toBeUndefined();
    const raw = JSON.stringify({
      v: 1,
      text: '{}',
      savedAt: 'yesterday',
      drafts: {
        good: { path: ['roles', 0, 'trustPolicy'], text: '{' },
        bad: { path: [{}], text: 'x' },
        worse: 'x',
        __proto__: { path: [], text: 'x' },
      },
      history: { past: ['a', 7, 'b'], future: 'no' },
    });
    expect(parseAutosave(raw)).toStrictEqual({
      v: 1,
      text: '{}',
      savedAt: 0,
      drafts: Object.assign(Object.create(null) as object, {
        good: { path: ['roles', 0, 'trustPolicy'], text: '{' },
      }),
      history: { past: ['a', 'b'], future: [] },
    });
  });

  it('saves a pause after the last edit and restores it in the next session with a notice', async () => {
    const storage = mapStorage();
    const first = testStore({ storage });
    await settle(first.timers);
    const edited = LESSON_TEXT.replace('"name": "AccountA"', '"name": "Unsaved"');
    first.store.getState().setText(edited, 'typing');
    first.timers.advance(399);
    expect(storage.map.get(AUTOSAVE_KEY)).toBeUndefined();
    first.timers.advance(1);
    expect(parseAutosave(storage.map.get(AUTOSAVE_KEY) ?? null)?.text).toBe(edited);

    const second = testStore({ storage });
    expect(second.store.getState().document.text).toBe(edited);
    expect(second.store.getState().view.notice).toMatchObject({ code: 'restored' });
    await settle(second.timers);
    expect(second.store.getState().analysis.graph?.nodes[0]?.label).toBe('Unsaved');
  });

  it('keeps undo working across a reload', async () => {
    const storage = mapStorage();
    const first = testStore({ storage });
    const edited = LESSON_TEXT.replace('"name": "AccountA"', '"name": "Renamed"');
    first.store.getState().setText(edited, 'edit');
    await settle(first.timers);
    const second = testStore({ storage });
    expect(second.store.getState().document.text).toBe(edited);
    second.store.getState().undo();
    expect(second.store.getState().document.text).toBe(LESSON_TEXT);
  });

  it('saves the newest undo steps that fit the budget', () => {
    expect(trimStack(['aaa', 'bb', 'c'], 3)).toStrictEqual(['bb', 'c']);
    expect(trimStack(['aaaa'], 3)).toStrictEqual([]);
  });

  it('opens a link over the autosave and keeps the autosaved text one undo away', () => {
    const storage = mapStorage({
      [AUTOSAVE_KEY]: JSON.stringify({ v: 1, text: 'my work', savedAt: 1, drafts: {} }),
    });
    const { store } = testStore({ storage, linkText: LESSON_TEXT });
    expect(store.getState().document.text).toBe(LESSON_TEXT);
    store.getState().undo();
    expect(store.getState().document.text).toBe('my work');
  });

  it('ignores a damaged entry and says once when storage refuses to save', async () => {
    const storage = mapStorage({ [AUTOSAVE_KEY]: '{"v":1,"text":', [PREFS_KEY]: '[]' });
    const { store, timers } = testStore({ storage });
    expect(store.getState().document.text).toBe(LESSON_TEXT);
    expect(store.getState().view.notice).toBeUndefined();
    storage.full = true;
    store.getState().setText('{}', 'edit');
    await settle(timers);
    expect(store.getState().view.notice).toMatchObject({ code: 'storage-failed' });
    const seq = store.getState().view.notice?.seq;
    store.getState().setText('{ }', 'edit');
    await settle(timers);
    expect(store.getState().view.notice?.seq).toBe(seq);
  });

  it('deflates a save too large for storage as text, and drops the history only when even that is refused', () => {
    // A quota like a browser's: a few megabytes per origin.
    const storage = mapStorage();
    const quota = 1_000_000;
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key: string, value: string) => {
      if (value.length > quota) throw new Error('QuotaExceededError');
      setItem(key, value);
    };
    const accounts = Array.from({ length: 40_000 }, (_, i) => ({ id: String(100_000_000_000 + i), name: `Account ${i}` }));
    const text = JSON.stringify({ format: 'accessgraph/v1', accounts }, null, 2);
    expect(text.length).toBeGreaterThan(2 * quota);
    const save: Autosave = { v: 1, text, savedAt: 7, drafts: {}, history: { past: ['{}'], future: [] } };
    expect(writeAutosave(storage, save)).toBe(true);
    const raw = storage.map.get(AUTOSAVE_KEY) ?? '';
    expect(raw.length).toBeLessThan(quota);
    expect(raw.startsWith('{"v":1,"deflated":')).toBe(true);
    expect(parseAutosave(raw)).toMatchObject({ text, savedAt: 7, history: { past: ['{}'], future: [] } });

    // A history too large even deflated goes; the text stays.
    let seed = 1;
    function noise(length: number): string {
      let out = '';
      for (let i = 0; i < length; i++) {
        // xorshift32: deterministic, and incompressible enough that deflate cannot save it.
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        out += String.fromCharCode(33 + ((seed >>> 0) % 90));
      }
      return out;
    }
    const noisy = Array.from({ length: 40 }, () => noise(40_000));
    expect(writeAutosave(storage, { ...save, history: { past: noisy, future: [] } })).toBe(true);
    expect(parseAutosave(storage.map.get(AUTOSAVE_KEY) ?? null)).toMatchObject({ text, history: { past: [], future: [] } });
  });

  it('refuses damaged or nested deflated entries', () => {
    expect(parseAutosave('{"v":1,"deflated":"not base64!"}')).toBeUndefined();
    expect(parseAutosave('{"v":1,"deflated":"AAAA"}')).toBeUndefined();
    const storage = mapStorage();
    storage.full = false;
    const inner = { v: 1, text: 'x', savedAt: 1, drafts: {}, history: { past: [], future: [] } } as const;
    // Pack once by refusing plain writes, then try to read a doubly packed entry.
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key: string, value: string) => {
      if (!value.includes('deflated')) throw new Error('QuotaExceededError');
      setItem(key, value);
    };
    expect(writeAutosave(storage, inner)).toBe(true);
    const once = storage.map.get(AUTOSAVE_KEY) ?? '';
    expect(parseAutosave(once)?.text).toBe('x');
    expect(writeAutosave(storage, { ...inner, text: once })).toBe(true);
    expect(parseAutosave(storage.map.get(AUTOSAVE_KEY) ?? null)?.text).toBe(once);
  });

  it('flushes at once on request (page hide)', () => {
    const storage = mapStorage();
    const { store } = testStore({ storage });
    store.getState().setText('{"a":1}', 'typing');
    store.flush();
    expect(parseAutosave(storage.map.get(AUTOSAVE_KEY) ?? null)?.text).toBe('{"a":1}');
  });
});

describe('view preferences', () => {
  const defaults = { theme: 'light', language: 'en', layout: DEFAULT_LAYOUT } as const;

  it('round-trips and checks every field on its own', () => {
    const prefs = {
      theme: 'dark',
      language: 'ja',
      layout: {
        sizes: { explorer: 300, inspector: 500, editor: 200 },
        open: { explorer: false, inspector: true, editor: true },
        editorPlacement: 'right',
      },
    } as const;
    expect(parseViewPrefs(JSON.parse(JSON.stringify(serializeViewPrefs(prefs))), defaults)).toStrictEqual(
      prefs,
    );
    expect(
      parseViewPrefs(
        {
          v: 1,
          theme: 'neon',
          language: 'fr',
          layout: {
            sizes: { explorer: 99999, editor: 'big' },
            open: { editor: 'no' },
            editorPlacement: 'left',
          },
        },
        defaults,
      ),
    ).toStrictEqual({
      theme: 'light',
      language: 'en',
      layout: {
        sizes: { explorer: 480, inspector: 400, editor: 260 },
        open: { explorer: true, inspector: true, editor: true },
        editorPlacement: 'bottom',
      },
    });
    expect(parseViewPrefs({ v: 9, theme: 'dark' }, defaults)).toBe(defaults);
  });

  it('clamps panel sizes, toggles panels and remembers the layout', async () => {
    const storage = mapStorage();
    const { store, timers } = testStore({ storage });
    const s = () => store.getState();
    s().setPanelSize('explorer', 10);
    s().setPanelSize('inspector', 450.4);
    s().togglePanel('editor');
    s().setEditorPlacement('right');
    s().toggleTheme();
    s().setLanguage('ja');
    expect(s().view.layout).toStrictEqual({
      sizes: { explorer: 180, inspector: 450, editor: 260 },
      open: { explorer: true, inspector: true, editor: false },
      editorPlacement: 'right',
    });
    await settle(timers);
    const next = testStore({ storage });
    expect(next.store.getState().view).toMatchObject({
      theme: 'dark',
      language: 'ja',
      layout: s().view.layout,
    });
  });
});
