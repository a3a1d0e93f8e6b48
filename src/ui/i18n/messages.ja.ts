/**
 * 日本語の UI 文字列。キーとパラメーター（`{name}`）は `messages.en.ts` と完全に一致させること
 * （型とテストで確認しています）。
 */
import type { Messages } from './messages.en';

export const MESSAGES_JA: Messages = {
  // レッスン一覧
  'lessons.gallery.title': 'レッスン',
  'lessons.gallery.intro': 'AWS アカウントをまたいで誰が何にアクセスできるかを、実際に動かしながら学ぶ短いストーリーです。',
  'lessons.gallery.open': 'レッスンを開く',
  'lessons.gallery.steps': '{count} ステップ',
  'lessons.gallery.checkpoints': 'チェックポイント {count} 件',
  'lessons.gallery.source': '出典: {source}',
  'lessons.gallery.current': '現在のレッスン',
  'lessons.unknown': '組み込みレッスン「{id}」はありません。',

  // レッスンの進行
  'lessons.step.progress': 'ステップ {current} / {total}',
  'lessons.step.previous': '前へ',
  'lessons.step.next': '次へ',
  'lessons.step.finish': '完了',
  'lessons.step.restart': '最初からやり直す',
  'lessons.step.focusHint': 'グラフには、このステップで扱うノードが表示されています。',
  'lessons.step.firstHint': 'ステップを読んだら、強調表示されたノードをクリックして、何にアクセスできるかを確かめましょう。',

  // 予想してから答え合わせ
  'lessons.predict.title': '予想する',
  'lessons.predict.prompt': 'AWS はどう判断するでしょうか？',
  'lessons.predict.allow': '許可（Allow）',
  'lessons.predict.deny': '拒否（Deny）',
  'lessons.predict.reveal': '答えを見る',
  'lessons.predict.correct': '正解: {answer}',
  'lessons.predict.incorrect': '残念、答えは {answer} です。',
  'lessons.predict.why': '理由',
  'lessons.predict.showEvaluation': '評価の流れを見る',
  'lessons.predict.score': '{total} 問中 {correct} 問正解',

  // 試してみよう
  'lessons.tryIt.title': '試してみよう',
  'lessons.tryIt.hint': 'ヒント',
  'lessons.tryIt.check': '確認する',
  'lessons.tryIt.showSolution': '解答を見る',
  'lessons.tryIt.reset': 'シナリオを元に戻す',
  'lessons.tryIt.achieved': '達成しました！ {success}',
  'lessons.tryIt.notYet': '目標 {total} 件中 {passed} 件を達成しています。',
  'lessons.tryIt.broken': 'この変更で、変わってはいけないものまで変わりました: {name}',
  'lessons.tryIt.goal': '目標',
  'lessons.tryIt.keep': '維持する条件',

  // チェックポイント
  'lessons.checkpoints.title': 'チェックポイント',
  'lessons.checkpoints.summary': '成功 {passed} 件、失敗 {failed} 件',
  'lessons.checkpoints.pass': '成功',
  'lessons.checkpoints.fail': '失敗',

  // プレゼンターモード
  'presenter.enter': 'プレゼンターモード',
  'presenter.exit': 'プレゼンターモードを終了',
  'presenter.keys': '← と → でステップを移動し、Esc で終了します。',

  // 共有リンク
  'share.button': '共有',
  'share.title': 'このシナリオを共有',
  'share.explainPrivacy': 'シナリオはリンクの「#」より後ろの部分に含まれます。この部分がブラウザーからサーバーに送られることはありません。',
  'share.copy': 'リンクをコピー',
  'share.copied': 'リンクをコピーしました',
  'share.includeView': '選択中のノードとシミュレーション中のリクエストも含める',
  'share.length': '{length} 文字',
  'share.lessonLink': 'このレッスンのステップへのリンク',
  'share.opened': '共有されたシナリオを開きました。',
  'share.openedWithWarnings': '共有されたシナリオを開きましたが、保存された表示状態の一部は復元できませんでした。',

  // 共有リンクのエラー（`ShareErrorCode` ごとに 1 つ）
  'share.error.title': 'このリンクを開けません',
  'share.error.not-a-share-link': 'アドレスに共有リンクが含まれていません。共有リンクには「#s=」、レッスンのリンクには「#lesson=」が含まれます。',
  'share.error.link-too-long': 'リンクの長さが {length} 文字あります。受け付けるのは {limit} 文字までです。',
  'share.error.unknown-version': 'このリンクは形式バージョン {version} を使っており、このバージョンの AccessGraph では読み込めません。新しいバージョンで作られた可能性があります。',
  'share.error.truncated': 'リンクが不完全です。コピーしたときに途中で切れた可能性があります。リンク全体か、シナリオのファイルを送ってもらってください。',
  'share.error.corrupted': 'リンクが壊れているため読み込めません。',
  'share.error.content-too-large': 'シナリオが大きすぎてリンクにできません（上限: {limit} バイト）。ファイルで共有してください。',
  'share.error.bad-lesson-link': 'このレッスンのリンクは形式が正しくありません。',
  'share.error.invalid-view': '現在の表示状態はリンクに含められません。',
};
