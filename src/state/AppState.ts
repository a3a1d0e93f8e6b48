/**
 * The shape of the one app store: slices for the document, its history, the analysis, the selection,
 * the request simulator, the editor tabs and the view (STYLE.md rule 8). Components select narrow
 * parts of it; derived data lives in `selectors.ts`.
 */
import type { AccessGraph, AnalysisProgress, Neighbourhood } from '../analysis/types';
import type { EvaluationResult, Request } from '../engine/types';
import type { Language } from '../io/share/languages';
import type { ShareError } from '../io/share/shareError';
import type { PredictAnswer } from '../lessons/types';
import type { CheckStatus } from './lessonChecks';
import type { Diagnostic } from '../model/diagnostics';
import type { JsonPath } from '../model/ids';
import type { AnalyzeStats } from '../worker/protocol';
import type { EditKind, History } from './history';
import type { Draft } from './persistence';
import type { EditorPlacement, PanelId, PanelLayout, ThemeName } from './viewPrefs';

/** How the current text came to be: an edit, a step through history, or loading. */
export type TextOrigin = EditKind | 'history' | 'load';

/** The scenario text — the single source of truth — and what parsing it reported. */
export interface DocumentState {
  readonly text: string;
  /** Bumped on every change of `text`. */
  readonly revision: number;
  readonly origin: TextOrigin;
  /** From the last finished analysis (of `diagnosticsRevision`). */
  readonly diagnostics: readonly Diagnostic[];
  readonly diagnosticsRevision: number | undefined;
}

export interface DocumentSlice {
  readonly document: DocumentState;
  /** Replaces the text; `typing` bursts coalesce into one undo step. */
  setText(text: string, kind: EditKind): void;
  /** Writes `value` at `path` as one undoable edit; `false` when the path does not exist. */
  writeAt(path: JsonPath, value: unknown): boolean;
  setTitle(title: string): void;
  formatDocument(): void;
  /** Opens another scenario (a lesson, an import): one undoable edit; clears selection and simulation. */
  loadScenario(text: string): void;
  /** Pins a node where the user dragged it (the scenario's `layout`), as one undoable edit. */
  setNodePosition(id: string, position: { readonly x: number; readonly y: number }): void;
}

export interface HistorySlice {
  readonly history: History;
  undo(): void;
  redo(): void;
}

export const ANALYSIS_STATUSES = ['idle', 'running', 'done', 'cancelled', 'failed'] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

export interface AnalysisState {
  readonly status: AnalysisStatus;
  /** The revision being (or last) analysed. */
  readonly revision: number | undefined;
  readonly progress: AnalysisProgress | undefined;
  /** True once the running analysis has taken longer than 200 ms: the progress bar shows. */
  readonly slow: boolean;
  /** The last good graph: it stays while the text holds a blocking error. */
  readonly graph: AccessGraph | undefined;
  readonly graphRevision: number | undefined;
  /** True when the last analysed text had no usable scenario, so `graph` is an older one. */
  readonly stale: boolean;
  /** The engine's failure message (timeout, crash) when `status` is `failed`. */
  readonly error: string | undefined;
  readonly stats: AnalyzeStats | undefined;
  /**
   * In a graph sent without its effective access, the part of the simulator's principal when it is not
   * the node the graph holds the part of (the simulator suggests the actions it already has from it).
   */
  readonly simulatorPart: Neighbourhood | undefined;
  /**
   * The graph the access changes are counted from: the first graph of the scenario as it was opened
   * (the app's start, an import, a link, a lesson) or the graph of the last "Compare from here".
   */
  readonly baseline: AccessGraph | undefined;
  /** True when the next graph becomes the baseline (a scenario was just loaded). */
  readonly baselineArmed: boolean;
}

export interface AnalysisSlice {
  readonly analysis: AnalysisState;
  cancelAnalysis(): void;
  /** Makes the graph on screen the baseline of the access changes. */
  setBaseline(): void;
  /** Runs the analysis of the current text now (skipping the typing delay). */
  analyzeNow(): void;
}

export interface SelectionState {
  /** A node id (ARN, account id, OU id…) or an edge id. */
  readonly id: string | undefined;
  /** Bumped when the graph should bring the selection into view (a finding, the Explorer; not a click on the graph). */
  readonly focusSeq: number;
}

export interface SelectionSlice {
  readonly selection: SelectionState;
  select(id: string | undefined, options?: { readonly focus?: boolean }): void;
}

/** One row of request context in the simulator. */
export interface ContextRow {
  readonly key: string;
  readonly value: string;
}

export interface SimulatorForm {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context: readonly ContextRow[];
}

export const SIMULATION_STATUSES = ['idle', 'running', 'done', 'failed'] as const;
export type SimulationStatus = (typeof SIMULATION_STATUSES)[number];

export interface SimulationState {
  readonly status: SimulationStatus;
  readonly request: Request | undefined;
  readonly result: EvaluationResult | undefined;
  /** `incomplete` when the form lacks a principal, action or resource; else the engine's error code. */
  readonly error: { readonly code: string; readonly message: string } | undefined;
  /** The graph revision the result was evaluated against. */
  readonly revision: number | undefined;
}

export interface SimulatorSlice {
  readonly simulator: SimulatorForm;
  readonly simulation: SimulationState;
  setSimulator(patch: Partial<SimulatorForm>): void;
  /** Evaluates the form's request against the last analysed scenario (in the worker). */
  simulate(): Promise<void>;
}

/** A 1-based line and column in the scenario text. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** The id of the editor tab that holds the whole scenario. */
export const SCENARIO_TAB = 'scenario';

export interface EditorState {
  /** `SCENARIO_TAB` or a focused tab's id. */
  readonly activeTab: string;
  /** Focused-tab texts not yet written into the scenario, by tab id. */
  readonly drafts: Readonly<Record<string, Draft>>;
  /** A request to put the cursor on the value at `path` (or at `position`, when known) in the scenario tab. */
  readonly reveal:
    | { readonly path: JsonPath; readonly position: TextPosition | undefined; readonly seq: number }
    | undefined;
  /** Why the last apply of a tab failed (its JSON does not parse, its place is gone). */
  readonly applyError: { readonly tab: string; readonly reason: 'syntax' | 'missing' } | undefined;
}

export interface EditorSlice {
  readonly editor: EditorState;
  /** Switches tab; leaving a focused tab with a draft applies it. */
  setActiveTab(id: string): void;
  setDraft(tab: { readonly id: string; readonly path: JsonPath }, text: string): void;
  discardDraft(id: string): void;
  /** Writes the tab's draft into the scenario at its path as one undoable edit. */
  applyDraft(id: string): boolean;
  /** Shows the scenario tab (and the editor) with the cursor on the value at `path`, or at `position` when given. */
  revealPath(path: JsonPath, position?: TextPosition): void;
}

/** Short-lived messages the UI shows once (it owns the wording). */
export const NOTICE_CODES = [
  'restored',
  'storage-failed',
  'import-failed',
  'imported',
  'nothing-to-undo',
  'link-opened',
  'link-opened-warnings',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

export interface Notice {
  readonly code: NoticeCode;
  readonly detail: string | undefined;
  readonly seq: number;
}

export interface ViewState {
  readonly theme: ThemeName;
  readonly language: Language;
  readonly layout: PanelLayout;
  readonly paletteOpen: boolean;
  /** Bumped to move the keyboard focus into the Explorer's search box. */
  readonly searchSeq: number;
  readonly notice: Notice | undefined;
}

export interface ViewSlice {
  readonly view: ViewState;
  setTheme(theme: ThemeName): void;
  toggleTheme(): void;
  setLanguage(language: Language): void;
  setPanelSize(panel: PanelId, size: number): void;
  setPanelOpen(panel: PanelId, open: boolean): void;
  togglePanel(panel: PanelId): void;
  setEditorPlacement(placement: EditorPlacement): void;
  setPaletteOpen(open: boolean): void;
  focusSearch(): void;
  notify(code: NoticeCode, detail?: string): void;
  dismissNotice(): void;
}

/** The live checks of the open lesson against the last analysed scenario. */
export interface LessonChecks {
  readonly lessonId: string | undefined;
  /** The graph revision they were run against. */
  readonly revision: number | undefined;
  /** One per checkpoint, in order. */
  readonly checkpoints: readonly CheckStatus[];
  /** The engine's decision for each predict question, by id (`undefined` when it could not answer). */
  readonly predict: Readonly<Record<string, EvaluationResult | undefined>>;
  readonly tryIt: Readonly<Record<string, { readonly goal: readonly CheckStatus[]; readonly keep: readonly CheckStatus[] }>>;
}

export interface LessonState {
  /** The open built-in lesson, if any. */
  readonly id: string | undefined;
  /** 0-based. */
  readonly step: number;
  /** The learner's predictions, by question id (given once, before the reveal). */
  readonly answers: Readonly<Record<string, PredictAnswer>>;
  readonly presenter: boolean;
  readonly galleryOpen: boolean;
  /** Bumped when the graph should focus the current step's nodes. */
  readonly focusSeq: number;
  readonly checks: LessonChecks;
  /** Why the link the page was opened with could not be opened. */
  readonly linkError: ShareError | undefined;
}

export interface LessonSlice {
  readonly lesson: LessonState;
  /** Opens a lesson (loading its scenario unless `load` is false); `false` when there is no such lesson. */
  openLesson(id: string, options?: { readonly step?: number; readonly load?: boolean; readonly focus?: boolean }): boolean;
  closeLesson(): void;
  setLessonStep(step: number): void;
  answerPredict(questionId: string, answer: PredictAnswer): void;
  resetPredictions(): void;
  /** Applies a try-it task's solution as one undoable edit. */
  showSolution(tryItId: string): boolean;
  setPresenter(on: boolean): void;
  setGalleryOpen(open: boolean): void;
  setLinkError(error: ShareError | undefined): void;
  recheckLesson(): void;
}

/** The whole state. */
export type AppState = DocumentSlice &
  HistorySlice &
  AnalysisSlice &
  SelectionSlice &
  SimulatorSlice &
  EditorSlice &
  ViewSlice &
  LessonSlice;
