/**
 * English UI strings: the reference catalogue. Keys are `area.thing`; `{name}` is a parameter that
 * `t(key, params)` fills in. Every other language must have exactly these keys and parameters.
 *
 * Add a new area by appending a block with its own comment; keep keys stable (tests and the Japanese
 * catalogue refer to them).
 */
export const MESSAGES_EN = {
  // Lesson gallery
  'lessons.gallery.title': 'Lessons',
  'lessons.gallery.intro': 'Short, runnable stories about who can reach what across AWS accounts.',
  'lessons.gallery.open': 'Open lesson',
  'lessons.gallery.steps': '{count} steps',
  'lessons.gallery.checkpoints': '{count} checkpoints',
  'lessons.gallery.source': 'From: {source}',
  'lessons.gallery.current': 'Current lesson',
  'lessons.unknown': 'There is no built-in lesson “{id}”.',

  // Stepping through a lesson
  'lessons.step.progress': 'Step {current} of {total}',
  'lessons.step.previous': 'Previous',
  'lessons.step.next': 'Next',
  'lessons.step.finish': 'Finish',
  'lessons.step.restart': 'Start over',
  'lessons.step.focusHint': 'The graph shows the nodes this step is about.',
  'lessons.step.firstHint': 'Read the step, then click a highlighted node to see what it can reach.',

  // Predict, then reveal
  'lessons.predict.title': 'Predict',
  'lessons.predict.prompt': 'What will AWS decide?',
  'lessons.predict.allow': 'Allow',
  'lessons.predict.deny': 'Deny',
  'lessons.predict.reveal': 'Reveal',
  'lessons.predict.correct': 'Correct: {answer}.',
  'lessons.predict.incorrect': 'Not quite: the answer is {answer}.',
  'lessons.predict.why': 'Why',
  'lessons.predict.showEvaluation': 'Show the evaluation',
  'lessons.predict.score': '{correct} of {total} predictions right',

  // Try it
  'lessons.tryIt.title': 'Try it',
  'lessons.tryIt.hint': 'Hint',
  'lessons.tryIt.check': 'Check',
  'lessons.tryIt.showSolution': 'Show me',
  'lessons.tryIt.reset': 'Reset the scenario',
  'lessons.tryIt.achieved': 'Done! {success}',
  'lessons.tryIt.notYet': '{passed} of {total} goals reached.',
  'lessons.tryIt.broken': 'This change also broke something that should have stayed true: {name}.',
  'lessons.tryIt.goal': 'Goal',
  'lessons.tryIt.keep': 'Must stay true',

  // Checkpoints
  'lessons.checkpoints.title': 'Checkpoints',
  'lessons.checkpoints.summary': '{passed} passed, {failed} failed',
  'lessons.checkpoints.pass': 'passes',
  'lessons.checkpoints.fail': 'fails',

  // Presenter mode
  'presenter.enter': 'Presenter mode',
  'presenter.exit': 'Leave presenter mode',
  'presenter.keys': 'Use ← and → to move between steps, Esc to leave.',

  // Share links
  'share.button': 'Share',
  'share.title': 'Share this scenario',
  'share.explainPrivacy': 'The scenario travels in the part of the link after “#”, which browsers never send to a server.',
  'share.copy': 'Copy link',
  'share.copied': 'Link copied',
  'share.includeView': 'Include selection and simulated request',
  'share.length': '{length} characters',
  'share.lessonLink': 'Link to this lesson step',
  'share.opened': 'Opened a shared scenario.',
  'share.openedWithWarnings': 'Opened a shared scenario; some of the saved view could not be restored.',

  // Share link errors, one per `ShareErrorCode`
  'share.error.title': 'This link cannot be opened',
  'share.error.not-a-share-link': 'The address does not contain a share link. Share links contain “#s=”, lesson links “#lesson=”.',
  'share.error.link-too-long': 'The link is {length} characters long; at most {limit} are accepted.',
  'share.error.unknown-version': 'This link uses format version {version}, which this version of AccessGraph cannot read. It may come from a newer version.',
  'share.error.truncated': 'The link is incomplete. It was probably cut off when it was copied: ask for the whole link, or for the scenario file.',
  'share.error.corrupted': 'The link is damaged and cannot be read.',
  'share.error.content-too-large': 'The scenario is too large for a link (limit: {limit} bytes). Share the file instead.',
  'share.error.bad-lesson-link': 'This lesson link is malformed.',
  'share.error.invalid-view': 'The current view cannot be put in a link.',
} as const;

/** Every message key. */
export type MessageKey = keyof typeof MESSAGES_EN;

/** A message catalogue: one string per key. */
export type Messages = { readonly [K in MessageKey]: string };
